package io.stepwise.samples.hitl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.Event;
import io.stepwise.StopEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The human-in-the-loop samples, answered the way their docs show. */
@Timeout(30)
class HitlSamplesTest {

  @Test
  void approvalWaitsForTheAnswerFromOutside() {
    var run = ApprovalFlow_Workflow.of(new ApprovalFlow()).run(new ApprovalFlow.Request("r-7", 250));
    List<Event> seen = new ArrayList<>();
    run.events().forEach(event -> {
      seen.add(event);
      if (event instanceof ApprovalFlow.ApprovalNeeded needed) {
        run.sendEvent(new ApprovalFlow.Answer(needed.id(), true));
      }
    });
    assertEquals(List.of(new ApprovalFlow.ApprovalNeeded("r-7", "Approve 250 for r-7?"),
        new ApprovalFlow.Decision("r-7", "approved")), seen);
  }

  @Test
  void smallRequestsAreApprovedWithoutAsking() {
    var decision = ApprovalFlow_Workflow.of(new ApprovalFlow()).run(new ApprovalFlow.Request("r-1", 50)).result();
    assertEquals(new ApprovalFlow.Decision("r-1", "auto-approved"), decision);
  }

  @Test
  void reviewIsPublishedAfterTheHumanResponse() {
    var run = ReviewFlow_Workflow.of(new ReviewFlow()).run(new ReviewFlow.Submit("Hello"));
    run.events().takeWhile(event -> !(event instanceof StopEvent)).forEach(event -> {
      if (event instanceof ReviewFlow.ReviewRequested) {
        run.sendEvent(new ReviewFlow.Reviewed("LGTM"));
      }
    });
    assertEquals(new ReviewFlow.Published("Hello", "LGTM"), run.result());
  }
}
