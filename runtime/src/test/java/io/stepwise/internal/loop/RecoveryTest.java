package io.stepwise.internal.loop;

import static io.stepwise.fixture.Steps.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.stepwise.Event;
import io.stepwise.StepFailedEvent;
import io.stepwise.fixture.Events.Done;
import io.stepwise.fixture.Events.Mid;
import io.stepwise.fixture.Events.Start;
import io.stepwise.fixture.Steps;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What follows exhausted retries, decided without a run. */
class RecoveryTest {
  private static final Routing ROUTING = new Routing("Flow", Steps.number(
      step("a", Start.class).emits(Mid.class),
      step("b", Mid.class).emits(Done.class),
      step("fix", StepFailedEvent.class).emits(Mid.class).catches(2, "a")));
  private static final Event[] INPUT = {new Start(1)};
  private static final RuntimeException BOOM = new IllegalStateException("boom");

  @Test
  void handlerRecoversTheFirstInputOneLineageFurther() {
    var outcome = Recovery.after(ROUTING, ROUTING.steps().get(0), INPUT, 3, 1, BOOM, Duration.ofMillis(7));

    assertEquals(new Recovery.Recover(2,
        new StepFailedEvent("a", new Start(1), BOOM, 3, Duration.ofMillis(7)), 2), outcome);
  }

  @Test
  void chainThatUsedItsRecoveriesFailsTheRun() {
    var outcome = (Recovery.Fail) Recovery.after(ROUTING, ROUTING.steps().get(0), INPUT, 1, 2, BOOM, Duration.ZERO);

    assertEquals("a", outcome.event().step());
    assertEquals("java.lang.IllegalStateException", outcome.event().errorType());
    assertEquals("Workflow 'Flow' failed in step 'a': java.lang.IllegalStateException: boom",
        outcome.error().getMessage());
    assertSame(BOOM, outcome.error().getCause());
  }

  @Test
  void stepWithoutHandlerFailsTheRun() {
    var outcome = (Recovery.Fail) Recovery.after(ROUTING, ROUTING.steps().get(1), new Event[] {new Mid(1)}, 1, 0,
        BOOM, Duration.ZERO);

    assertEquals("b", outcome.error().step());
  }
}
