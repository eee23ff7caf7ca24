package io.stepwise.samples.triage;

import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import java.util.List;

/** The events of the support-ticket triage workflow, in the order they flow. */
public final class TriageEvents {
  private TriageEvents() {}

  /** A ticket as the customer wrote it; starts a run. */
  public record TicketReceived(String id, String text) implements StartEvent {}

  /** The ticket's text, lower-cased and with whitespace collapsed; broadcast to two analysers. */
  public record TicketText(String id, String text) implements Event {}

  /** Sentiment score (negative is angry) and the words that decided it. */
  public record SentimentScored(String id, int score, List<String> cues) implements Event {}

  /** Product topics the ticket mentions, sorted. */
  public record TopicsFound(String id, List<String> topics) implements Event {}

  /** Where a ticket goes: to a human team, or answered by a help article. */
  public sealed interface Routing extends Event permits Escalation, AutoReply {}

  /** The ticket needs a person on {@code team}. */
  public record Escalation(String id, String team, String reason) implements Routing {}

  /** The ticket is answered with a help article. */
  public record AutoReply(String id, String article) implements Routing {}

  /** The outcome: what was done with the ticket. */
  public record TicketResolved(String id, String action, String message) implements StopEvent {}

  /** Progress a step reports to the stream; not routed to any step. */
  public record Progress(String step, String message) implements Event {}
}
