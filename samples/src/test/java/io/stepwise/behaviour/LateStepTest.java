package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.WorkflowTimeoutException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A step that outlives its run cannot change the run any more. */
@Timeout(30)
class LateStepTest {
  @Test
  void aStepThatIgnoresItsInterruptCannotEditTheStateOrStoreOfTheRunThatTimedOut() throws Exception {
    var flow = new LateEditFlow();
    var run = LateEditFlow_Workflow.of(flow).run(new LateEditFlow.Go());
    assertThrows(WorkflowTimeoutException.class, run::result);

    flow.goOn.countDown();

    String cancelled = "Step 'stubborn' of run " + run.runId() + " was cancelled (the run ended, or the step timed"
        + " out), so it cannot go on ";
    String fix = "; end the step when it is interrupted; ";
    assertEquals(cancelled + "editing the state" + fix + cancelled + "putting 'late' in the store" + fix
        + cancelled + "updating the state" + fix, flow.refused.get(10, TimeUnit.SECONDS));
  }
}
