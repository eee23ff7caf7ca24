package io.stepwise.samples.children;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.ChildEvent;
import io.stepwise.WorkflowFailedException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The child-workflow sample: one child run per topic, their streams in the parent's. */
@Timeout(30)
class BriefingFlowTest {
  @Test
  void briefingListsTheFindingsInTheOrderAskedWithOneChildRunPerTopic() {
    var run = BriefingFlow_Workflow.of(new BriefingFlow(new ResearchFlow()))
        .run(new BriefingFlow.Request(List.of("owls", "otters")));
    var childEvents = run.events().filter(ChildEvent.class::isInstance).map(ChildEvent.class::cast).toList();
    assertEquals(List.of(
        "owls: owls cannot move their eyes, so they turn their heads instead",
        "otters: otters hold hands while they sleep so they do not drift apart"), run.result().lines());
    assertEquals(4, childEvents.size());
    assertEquals(2, childEvents.stream().map(ChildEvent::childRunId).distinct().count());
  }

  @Test
  void aTopicTheLibraryLacksFailsTheBriefingWithTheChildsError() {
    var run = BriefingFlow_Workflow.of(new BriefingFlow(new ResearchFlow()))
        .run(new BriefingFlow.Request(List.of("owls", "unicorns")));
    var failure = assertThrows(WorkflowFailedException.class, run::result);
    assertEquals("research", failure.step());
    assertEquals(WorkflowFailedException.class, failure.getCause().getClass());
    assertEquals("nothing in the library about unicorns", failure.getCause().getCause().getMessage());
  }
}
