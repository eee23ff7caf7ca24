package io.stepwise.samples.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.CompiledWorkflow;
import io.stepwise.Event;
import io.stepwise.WorkflowHandler;
import io.stepwise.samples.triage.TriageEvents.Progress;
import io.stepwise.samples.triage.TriageEvents.TicketReceived;
import io.stepwise.samples.triage.TriageEvents.TicketResolved;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The triage sample routes tickets by the joined sentiment and topic analyses. */
@Timeout(30)
class TriageFlowTest {
  private final CompiledWorkflow<TicketReceived, TicketResolved> triage = TriageFlow_Workflow.of(new TriageFlow(new Lexicon()));

  @Test
  void angryCrashTicketIsEscalatedToEngineering() {
    WorkflowHandler<TicketResolved> run = triage.run(new TicketReceived("T-1", "It crashes again, terrible!"));

    List<Event> stream = run.events().toList();

    assertEquals(
        new TicketResolved("T-1", "escalated to engineering",
            "A person from engineering will reply within the hour (sentiment -3, topics [crash])."),
        run.result());
    assertEquals(new Progress("receive", "ticket T-1, 27 characters"), stream.get(0));
    assertEquals(new Progress("route", "Escalation[id=T-1, team=engineering, reason=sentiment -3, topics [crash]]"), stream.get(3));
    assertEquals(run.result(), stream.get(4));
    assertEquals(5, stream.size());
  }

  @Test
  void politeLoginQuestionGetsTheHelpArticle() {
    TicketResolved resolved = triage.run(new TicketReceived("T-2", "Please, my password no longer works")).result();

    assertEquals(new TicketResolved("T-2", "answered", "Sent help article: Resetting your password"), resolved);
  }
}
