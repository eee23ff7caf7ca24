package io.stepwise.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.stepwise.processor.Compilations.assertOnlyError;
import static io.stepwise.processor.Compilations.compile;
import static io.stepwise.processor.Compilations.errorLines;
import static io.stepwise.processor.Compilations.errorMessages;
import static io.stepwise.processor.Compilations.lineOf;
import static io.stepwise.processor.Compilations.workflow;

import org.junit.jupiter.api.Test;

/** Where steps may live, and that one compilation reports every independent mistake. */
class WorkflowClassTest {
  private static final String START = "record Start() implements StartEvent {}";
  private static final String DONE = "record Done() implements StopEvent {}";

  @Test
  void privateWorkflowClassIsRejected() {
    var flow = workflow("Outer", """
        public class Outer {
          @Workflow
          private static class Flow {
            @Step
            Done finish(Start ev) { return new Done(); }
          }
        }
        """);
    assertOnlyError(compile(flow, START, DONE), flow, "private static class Flow",
        "[Stepwise/WorkflowClass] Workflow class 'Outer.Flow' must not be private. Make it package-private or public.");
  }

  @Test
  void innerWorkflowClassIsRejected() {
    var flow = workflow("Outer", """
        public class Outer {
          @Workflow
          class Flow {
            @Step
            Done finish(Start ev) { return new Done(); }
          }
        }
        """);
    assertOnlyError(compile(flow, START, DONE), flow, "class Flow",
        "[Stepwise/WorkflowClass] Workflow class 'Outer.Flow' must be top-level or static nested. Make it a"
            + " static nested class.");
  }

  @Test
  void genericWorkflowClassIsRejected() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow<T> {
          @Step
          Done finish(Start ev) { return new Done(); }
        }
        """);
    assertOnlyError(compile(flow, START, DONE), flow, "public class Flow<T>",
        "[Stepwise/WorkflowClass] Workflow class 'Flow' must not declare type parameters. Remove them.");
  }

  @Test
  void negativeNumConcurrentRunsIsRejected() {
    var flow = workflow("Flow", """
        @Workflow(numConcurrentRuns = -1)
        public class Flow {
          @Step
          Done finish(Start ev) { return new Done(); }
        }
        """);
    assertOnlyError(compile(flow, START, DONE), flow, "public class Flow",
        "[Stepwise/WorkflowClass] Workflow class 'Flow' has numConcurrentRuns = -1. Set numConcurrentRuns to 1 or"
            + " more, or leave it out for no limit.");
  }

  @Test
  void stepOutsideWorkflowIsRejected() {
    var flow = workflow("Helpers", """
        public class Helpers {
          @Step
          Done finish(Start ev) { return new Done(); }
        }
        """);
    assertOnlyError(compile(flow, START, DONE), flow, "Done finish(",
        "[Stepwise/WorkflowClass] Step 'finish' is declared in Helpers, which is neither a @Workflow class nor"
            + " extended by one. Annotate Helpers with @Workflow, make it abstract, or remove @Step.");
  }

  @Test
  void oneCompilationReportsEveryIndependentError() {
    var flow = workflow("Flow", """
        @Workflow(timeout = "forever")
        public class Flow {
          @Step
          private Done finish(Start ev) { return new Done(); }

          @Step
          Done chatty(Start ev, Context<?> ctx) {
            ctx.sendEvent(new Lost());
            return new Done();
          }

          @Step(workers = 0)
          Done busy(Start ev) { return new Done(); }

          @Step
          Done adopt(Orphan ev) { return new Done(); }
        }
        """);
    var compilation = compile(flow, START, DONE,
        "record Lost() implements Event {}", "record Orphan() implements Event {}");
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(5);
    assertThat(errorMessages(compilation)).containsExactly(
        "[Stepwise/InvalidDuration] Workflow 'Flow' has timeout = \"forever\", which is not a duration. Write it"
            + " as \"500ms\", \"30s\", \"2m\", \"1h\" or ISO-8601 \"PT30S\".",
        "[Stepwise/StepSignature] Step 'finish' must not be private. Make it package-private or public.",
        "[Stepwise/StepSignature] Step 'busy' has workers = 0. Set workers to 1 or more.",
        "[Stepwise/UnproducedEvent] Step 'adopt' accepts Orphan, but no step produces it. Return or send Orphan"
            + " from a step, or add skipChecks = UNPRODUCED_EVENT.",
        "[Stepwise/UnconsumedEvent] Step 'chatty' produces Lost, but no step accepts it. Add a step that accepts"
            + " Lost, or add skipChecks = UNCONSUMED_EVENT.").inOrder();
    assertThat(errorLines(compilation)).containsExactly(
        (long) lineOf(flow, "public class Flow"),
        (long) lineOf(flow, "Done finish("),
        (long) lineOf(flow, "Done busy("),
        (long) lineOf(flow, "Done adopt("),
        (long) lineOf(flow, "Done chatty(")).inOrder();
  }
}
