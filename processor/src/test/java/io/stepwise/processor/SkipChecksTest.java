package io.stepwise.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.stepwise.processor.Compilations.assertOnlyError;
import static io.stepwise.processor.Compilations.event;
import static io.stepwise.processor.Compilations.workflow;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code skipChecks} names a check this processor does not know when the annotations jar is newer
 * than the processor; the build says so instead of running the check the user meant to silence.
 */
class SkipChecksTest {
  private static final String KNOWN = "DEAD_END, MULTIPLE_START_EVENTS, MULTIPLE_STOP_EVENTS, NO_START_EVENT,"
      + " NO_STOP_EVENT, STOP_EVENT_CONSUMED, UNCONSUMED_EVENT, UNPRODUCED_EVENT, UNREACHABLE";

  /** {@code GraphCheck} as a newer annotations jar would declare it: one constant more. */
  private static final JavaFileObject NEWER_GRAPH_CHECK = JavaFileObjects.forSourceString(
      "io.stepwise.annotations.GraphCheck", """
          package io.stepwise.annotations;

          public enum GraphCheck {
            NO_START_EVENT,
            MULTIPLE_START_EVENTS,
            NO_STOP_EVENT,
            MULTIPLE_STOP_EVENTS,
            STOP_EVENT_CONSUMED,
            UNPRODUCED_EVENT,
            UNCONSUMED_EVENT,
            UNREACHABLE,
            DEAD_END,
            SLOW_STEP
          }
          """);

  private static Compilation compile(JavaFileObject flow) {
    return Compilations.compile(List.of(flow, NEWER_GRAPH_CHECK, event("record Start() implements StartEvent {}"),
        event("record Done() implements StopEvent {}")));
  }

  @Test
  void unknownNameOnAStepIsRejected() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step(skipChecks = {GraphCheck.DEAD_END, GraphCheck.SLOW_STEP})
          Done finish(Start ev) { return new Done(); }
        }
        """);
    assertOnlyError(compile(flow), flow, "Done finish(",
        "[Stepwise/SkipChecks] Step 'finish' has skipChecks = SLOW_STEP, which this processor does not know; it"
            + " knows " + KNOWN + ". Use a stepwise-processor of the same version as stepwise-annotations, or"
            + " remove SLOW_STEP from skipChecks.");
  }

  @Test
  void unknownNameOnAWorkflowIsRejected() {
    var flow = workflow("Flow", """
        @Workflow(name = "checked", skipChecks = GraphCheck.SLOW_STEP)
        public class Flow {
          @Step
          Done finish(Start ev) { return new Done(); }
        }
        """);
    assertOnlyError(compile(flow), flow, "public class Flow",
        "[Stepwise/SkipChecks] Workflow 'checked' has skipChecks = SLOW_STEP, which this processor does not know;"
            + " it knows " + KNOWN + ". Use a stepwise-processor of the same version as stepwise-annotations, or"
            + " remove SLOW_STEP from skipChecks.");
  }

  @Test
  void knownNamesStillSilenceTheirRule() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          record Loop() implements Event {}
          @Step
          Done finish(Start ev) { return new Done(); }
          @Step(skipChecks = GraphCheck.UNREACHABLE)
          Done idle(Loop ev) { return new Done(); }
        }
        """);
    Compilation compilation = compile(flow);
    assertThat(compilation).failed();
    // UNPRODUCED_EVENT was not skipped, so only it speaks about 'idle'.
    assertThat(compilation.errors()).hasSize(1);
    assertThat(compilation.errors().getFirst().getMessage(null)).startsWith("[Stepwise/UnproducedEvent] Step 'idle'");
  }
}
