package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A run nobody can answer any more is let go rather than holding its thread forever. */
@Timeout(60)
class AbandonedRunTest {
  /** Starts a run and drops its handler, as a caller that forgot it would. */
  private static void startAndForget(ForgottenFlow flow) throws InterruptedException {
    ForgottenFlow_Workflow.of(flow).run(new ForgottenFlow.Go());
    assertTrue(flow.waiting.await(10, TimeUnit.SECONDS));
  }

  @Test
  void aRunWaitingWithoutTimeoutWhoseHandlerWasDroppedIsLetGo() throws InterruptedException {
    var flow = new ForgottenFlow();
    startAndForget(flow);

    boolean letGo = false;
    for (int i = 0; i < 100 && !letGo; i++) {
      System.gc();
      letGo = flow.letGo.await(100, TimeUnit.MILLISECONDS);
    }
    assertTrue(letGo, "the waiting step was never let go");
  }

  @Test
  void aRunWhoseHandlerIsHeldKeepsWaiting() throws InterruptedException {
    var flow = new ForgottenFlow();
    var run = ForgottenFlow_Workflow.of(flow).run(new ForgottenFlow.Go());
    assertTrue(flow.waiting.await(10, TimeUnit.SECONDS));
    for (int i = 0; i < 5; i++) {
      System.gc();
    }
    assertEquals(1, flow.letGo.getCount());
    run.sendEvent(new ForgottenFlow.Answer("me"));
    assertEquals(new ForgottenFlow.Done("me"), run.result());
  }
}
