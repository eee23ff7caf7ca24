package io.stepwise.spi;

import static io.stepwise.spi.StepDescriptorBuilder.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.Event;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The builder the generated step tables use makes the same descriptor as the full constructor. */
class StepDescriptorBuilderTest {
  sealed interface Choice extends Event permits Left, Right {}

  record Left() implements Choice {}

  record Right() implements Choice {}

  record Done() implements Event {}

  @Test
  void plainStepLeavesEverythingElseAtNone() {
    var built = step(0, "route").accepts(Left.class).produces(Done.class).workers(4).build();
    assertEquals(new StepDescriptor(0, "route", List.of(EventInput.of(Left.class)), Set.of(Done.class), 4, false,
        Duration.ZERO, AnnotatedRetry.NONE, Set.of(), null), built);
    assertSame(AnnotatedRetry.NONE, built.retry());
  }

  @Test
  void everySettingReachesItsComponent() {
    var built = step(3, "gather")
        .acceptsAnyOf(Choice.class, Left.class, Right.class)
        .collects(Done.class, Done.class)
        .countedByStep(1)
        .produces(Left.class, Right.class)
        .workers(2)
        .acceptSubtypes()
        .timeout(Duration.ofMillis(1500))
        .retryAttempts(3).retryDelay(Duration.ofMillis(1000))
        .retryBackoff(2.0).retryMaxDelay(Duration.ofMillis(10000)).retryJitter(0.25)
        .retryOn(IOException.class)
        .noRetryOn(IllegalStateException.class)
        .awaits(Right.class)
        .handlesErrorsOf("fetch", "parse")
        .maxRecoveries(2)
        .build();
    assertEquals(new StepDescriptor(3, "gather",
        List.of(new EventInput(Choice.class, Set.of(Left.class, Right.class)),
            EventInput.batch(Done.class, Set.of(Done.class), 1)),
        Set.of(Left.class, Right.class), 2, true, Duration.ofMillis(1500),
        new AnnotatedRetry(3, Duration.ofMillis(1000), 2.0, Duration.ofMillis(10000), 0.25,
            List.of(IOException.class), List.of(IllegalStateException.class)),
        Set.of(Right.class), new CatchPolicy(List.of("fetch", "parse"), 2)), built);
  }

  @Test
  void wildcardHandlerHandlesNoNamedStep() {
    var built = step(1, "recover").accepts(Done.class).workers(1).handlesErrorsOfUnclaimedSteps().maxRecoveries(1)
        .build();
    assertEquals(new CatchPolicy(List.of(), 1), built.catchPolicy());
  }

  @Test
  void workersMustBeStated() {
    var error = assertThrows(IllegalArgumentException.class, () -> step(0, "idle").accepts(Done.class).build());
    assertEquals("step 'idle' needs workers >= 1, was 0", error.getMessage());
  }
}
