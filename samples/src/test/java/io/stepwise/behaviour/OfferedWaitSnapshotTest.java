package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.Event;
import io.stepwise.Snapshot;
import io.stepwise.WorkflowHandler;
import io.stepwise.behaviour.WaitFlows.Answers;
import io.stepwise.behaviour.WaitFlows.Question;
import io.stepwise.behaviour.WaitFlows.Reply;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A snapshot records what the open waits of executions in flight were offered and what ended waits
 * took, so their re-runs replay it; those events are of the awaited types, which must write and
 * read back like any other event of the workflow.
 */
@Timeout(30)
class OfferedWaitSnapshotTest {
  @Test
  void snapshotOfAWaitOfferedAnotherStepsReplyWritesAndItsResumedRunEndsWithBothReplies() {
    WorkflowHandler<Answers> run = WaitFlows_ManyWaitersFlow_Workflow.of(new WaitFlows.ManyWaitersFlow())
        .run(new WaitFlows.Go(2));
    Iterator<Event> events = run.events().iterator();
    Set<Event> asked = new HashSet<>();
    while (asked.size() < 2) {
      asked.add(events.next());
    }
    assertEquals(Set.of(new Question(0), new Question(1)), asked);
    run.sendEvent(new Reply(0, "zero")); // offered to both waits; only asker 0's matches
    String json = run.snapshot().toJson();
    run.cancel();
    assertTrue(json.contains("\"offered\":[{\"@type\":\"io.stepwise.behaviour.WaitFlows.Reply\",\"id\":0"), json);

    WorkflowHandler<Answers> resumed = WaitFlows_ManyWaitersFlow_Workflow.of(new WaitFlows.ManyWaitersFlow())
        .resume(Snapshot.fromJson(json));
    Iterator<Event> again = resumed.events().iterator();
    // The open wait of asker 1 asks again. So does asker 0's when the cut came before it took its
    // reply (the loop offered it, the step had not matched yet): it is offered the reply again.
    Event askedAgain = again.next();
    if (askedAgain.equals(new Question(0))) {
      askedAgain = again.next();
    }
    assertEquals(new Question(1), askedAgain);
    resumed.sendEvent(new Reply(1, "one"));
    assertEquals(new Answers(List.of("0=zero", "1=one")), resumed.result());
  }
}
