package io.stepwise.samples.triage;

import io.stepwise.Context;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import io.stepwise.samples.triage.TriageEvents.AutoReply;
import io.stepwise.samples.triage.TriageEvents.Escalation;
import io.stepwise.samples.triage.TriageEvents.Progress;
import io.stepwise.samples.triage.TriageEvents.Routing;
import io.stepwise.samples.triage.TriageEvents.SentimentScored;
import io.stepwise.samples.triage.TriageEvents.TicketReceived;
import io.stepwise.samples.triage.TriageEvents.TicketResolved;
import io.stepwise.samples.triage.TriageEvents.TicketText;
import io.stepwise.samples.triage.TriageEvents.TopicsFound;
import java.util.List;
import java.util.Locale;

/**
 * Triage of a support ticket: the text is analysed twice in parallel (sentiment and topics),
 * the two results are joined, and a sealed routing decision sends the ticket either to a team
 * or to a help article. Runs offline: the analysers are word lists, not a model.
 *
 * <pre>
 * TicketReceived -> receive -> TicketText -+-> sentiment -> SentimentScored -+-> route -> Escalation -> escalate  -+-> TicketResolved
 *                                          +-> topics    -> TopicsFound     -+          AutoReply  -> autoReply -+
 * </pre>
 */
@Workflow(timeout = "10s")
public class TriageFlow {
  private final Lexicon lexicon;

  public TriageFlow(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  @Step
  TicketText receive(TicketReceived ticket, Context<?> ctx) {
    String text = ticket.text().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    ctx.writeEventToStream(new Progress("receive", "ticket " + ticket.id() + ", " + text.length() + " characters"));
    return new TicketText(ticket.id(), text);
  }

  @Step
  SentimentScored sentiment(TicketText ticket, Context<?> ctx) {
    List<String> cues = lexicon.sentimentCues(ticket.text());
    int score = cues.stream().mapToInt(lexicon::weight).sum();
    ctx.writeEventToStream(new Progress("sentiment", "score " + score + " from " + cues));
    return new SentimentScored(ticket.id(), score, cues);
  }

  @Step
  TopicsFound topics(TicketText ticket, Context<?> ctx) {
    List<String> topics = lexicon.topics(ticket.text());
    ctx.writeEventToStream(new Progress("topics", topics.isEmpty() ? "no known topic" : String.join(", ", topics)));
    return new TopicsFound(ticket.id(), topics);
  }

  /** A join: runs once both analyses of the ticket have arrived. */
  @Step(workers = 1)
  Routing route(SentimentScored sentiment, TopicsFound topics, Context<?> ctx) {
    String team = lexicon.owningTeam(topics.topics());
    Routing routing;
    if (sentiment.score() <= -2 || topics.topics().contains("outage")) {
      routing = new Escalation(sentiment.id(), team, "sentiment " + sentiment.score() + ", topics " + topics.topics());
    } else {
      routing = new AutoReply(sentiment.id(), lexicon.article(topics.topics()));
    }
    ctx.writeEventToStream(new Progress("route", routing.toString()));
    return routing;
  }

  @Step
  TicketResolved escalate(Escalation escalation) {
    return new TicketResolved(
        escalation.id(), "escalated to " + escalation.team(), "A person from " + escalation.team() + " will reply within the hour (" + escalation.reason() + ").");
  }

  @Step
  TicketResolved autoReply(AutoReply reply) {
    return new TicketResolved(reply.id(), "answered", "Sent help article: " + reply.article());
  }
}
