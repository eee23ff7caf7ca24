package io.stepwise.samples.triage;

import io.stepwise.CompiledWorkflow;
import io.stepwise.Event;
import io.stepwise.StopEvent;
import io.stepwise.WorkflowHandler;
import io.stepwise.samples.triage.TriageEvents.Progress;
import io.stepwise.samples.triage.TriageEvents.TicketReceived;
import io.stepwise.samples.triage.TriageEvents.TicketResolved;
import java.io.PrintStream;
import java.util.List;

/** Runs the triage workflow on three tickets, printing the stream as it happens. */
public final class TriageDemo {
  /** The tickets the demo triages, in order. */
  public static final List<TicketReceived> TICKETS = List.of(
      new TicketReceived("T-1001", "The app crashes every time I open an invoice. This is terrible, I lost my work AGAIN!"),
      new TicketReceived("T-1002", "Hi, how do I reset my password? Thanks!"),
      new TicketReceived("T-1003", "Your API is down since 9:00, all our requests time out."));

  private TriageDemo() {}

  public static void run(PrintStream out) {
    CompiledWorkflow<TicketReceived, TicketResolved> triage = TriageFlow_Workflow.of(new TriageFlow(new Lexicon()));
    out.println("Stepwise sample: support-ticket triage (offline: word lists, no model involved)");
    out.println("workflow '" + triage.name() + "': " + triage.graph().steps().size() + " steps, "
        + triage.graph().events().size() + " event types");
    for (TicketReceived ticket : TICKETS) {
      out.println();
      out.println(ticket.id() + ": \"" + ticket.text() + "\"");
      WorkflowHandler<TicketResolved> run = triage.run(ticket);
      run.events().forEach(event -> out.println("  " + describe(event)));
      TicketResolved resolved = run.result();
      out.println("  => " + resolved.action() + ": " + resolved.message());
    }
  }

  private static String describe(Event event) {
    if (event instanceof Progress progress) {
      return String.format("[%-9s] %s", progress.step(), progress.message());
    }
    if (event instanceof StopEvent) {
      return "[stop     ] " + event.getClass().getSimpleName() + " (the terminal event; the stream ends here)";
    }
    return "[stream   ] " + event;
  }
}
