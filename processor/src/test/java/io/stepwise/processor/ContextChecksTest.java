package io.stepwise.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.stepwise.processor.Compilations.assertOnlyError;
import static io.stepwise.processor.Compilations.compile;
import static io.stepwise.processor.Compilations.content;
import static io.stepwise.processor.Compilations.workflow;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** State types ({@code [Stepwise/StateConflict]}), error handlers ({@code [Stepwise/CatchError]}) and waits. */
class ContextChecksTest {
  private static final String START = "record Start() implements StartEvent {}";
  private static final String MID = "record Mid() implements Event {}";
  private static final String DONE = "record Done() implements StopEvent {}";
  private static final String COUNTER = "class Counter { public int count; public Counter() {} }";
  private static final String TOTALS = "class Totals { public Totals() {} }";

  /** A valid start-to-stop workflow plus {@code extra}. */
  private static JavaFileObject flowWith(String extra) {
    return workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Done finish(Start ev, Context<Counter> ctx) { return new Done(); }

        """ + extra + "\n}\n");
  }

  @Test
  void stepsNamingDifferentStateTypesAreRejected() {
    var flow = flowWith("  @Step\n  Done other(Start ev, Context<Totals> ctx) { return new Done(); }");
    assertOnlyError(compile(flow, START, DONE, COUNTER, TOTALS), flow, "public class Flow",
        "[Stepwise/StateConflict] Steps of workflow 'Flow' name different state types: 'finish' uses Counter,"
            + " 'other' uses Totals. Name one state type in every Context<S> of the workflow.");
  }

  @Test
  void stateTypeWithoutNoArgConstructorIsRejected() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Done finish(Start ev, Context<Tally> ctx) { return new Done(); }
        }
        """);
    assertOnlyError(compile(flow, START, DONE, "record Tally(int n) {}"), flow, "Done finish(",
        "[Stepwise/StateConflict] Step 'finish' names state type Tally, which has no accessible no-arg"
            + " constructor. Name a non-generic class or record with a public no-arg constructor.");
  }

  @Test
  void stateTypeIsCreatedAndCopiedByGeneratedCode() {
    var flow = flowWith("");
    var compilation = compile(flow, START, DONE, COUNTER);
    assertThat(compilation).succeededWithoutWarnings();
    String generated = content(compilation.generatedSourceFile("test.Flow_Workflow").orElseThrow());
    assertThat(generated).contains("return Counter.class;");
    assertThat(generated).contains("return new Counter();");
    assertThat(generated).contains("copy.count = from.count;");
  }

  @Test
  void handlerMustTakeStepFailedEvent() {
    var flow = flowWith("  @CatchError\n  Done recover(Mid ev) { return new Done(); }");
    var compilation = compile(flow, START, MID, DONE, COUNTER);
    assertThat(compilation).hadErrorContaining(
        "[Stepwise/CatchError] Handler 'recover' takes Mid instead of StepFailedEvent. Make a StepFailedEvent"
            + " its only event parameter.").inFile(flow).onLine(Compilations.lineOf(flow, "Done recover("));
  }

  @Test
  void handlerNamingUnknownStepIsRejected() {
    var flow = flowWith("  @CatchError(forSteps = \"fetch\")\n  Done recover(StepFailedEvent ev) { return new Done(); }");
    assertOnlyError(compile(flow, START, DONE, COUNTER), flow, "Done recover(",
        "[Stepwise/CatchError] Handler 'recover' names step 'fetch' in forSteps, but the workflow has no such"
            + " step. Name one of: finish, recover.");
  }

  @Test
  void handlerWithoutRecoveriesIsRejected() {
    var flow = flowWith("  @CatchError(maxRecoveries = 0)\n  Done recover(StepFailedEvent ev) { return new Done(); }");
    assertOnlyError(compile(flow, START, DONE, COUNTER), flow, "Done recover(",
        "[Stepwise/CatchError] Handler 'recover' has maxRecoveries = 0. Set maxRecoveries to 1 or more.");
  }

  @Test
  void handlerWithNegativeRecoveriesIsRejected() {
    var flow = flowWith("  @CatchError(forSteps = \"finish\", maxRecoveries = -1)\n"
        + "  Done recover(StepFailedEvent ev) { return new Done(); }");
    assertOnlyError(compile(flow, START, DONE, COUNTER), flow, "Done recover(",
        "[Stepwise/CatchError] Handler 'recover' has maxRecoveries = -1. Set maxRecoveries to 1 or more.");
  }

  @Test
  void stepClaimedByTwoHandlersIsRejected() {
    var flow = flowWith("""
          @CatchError(forSteps = "finish")
          Done first(StepFailedEvent ev) { return new Done(); }

          @CatchError(forSteps = "finish")
          Done second(StepFailedEvent ev) { return new Done(); }
        """);
    assertOnlyError(compile(flow, START, DONE, COUNTER), flow, "Done second(",
        "[Stepwise/CatchError] Step 'finish' is claimed by handlers 'first', 'second'. Name 'finish' in the"
            + " forSteps of one handler only.");
  }

  @Test
  void twoWildcardHandlersAreRejected() {
    var flow = flowWith("""
          @CatchError
          Done first(StepFailedEvent ev) { return new Done(); }

          @Step
          @CatchError
          Done second(StepFailedEvent ev) { return new Done(); }
        """);
    assertOnlyError(compile(flow, START, DONE, COUNTER), flow, "Done second(",
        "[Stepwise/CatchError] Workflow 'Flow' has more than one wildcard handler: 'first', 'second'. Give all"
            + " but one of them forSteps.");
  }

  @Test
  void handlerIsGeneratedWithItsCatchPolicy() {
    var flow = flowWith("  @CatchError(forSteps = \"finish\", maxRecoveries = 2)\n"
        + "  Done recover(StepFailedEvent ev) { return new Done(); }");
    var compilation = compile(flow, START, DONE, COUNTER);
    assertThat(compilation).succeededWithoutWarnings();
    String generated = content(compilation.generatedSourceFile("test.Flow_Workflow").orElseThrow());
    assertThat(generated).contains(".handlesErrorsOf(\"finish\")\n          .maxRecoveries(2)");
  }

  @Test
  void awaitedEventIsAcceptedFromOutsideAndItsProducerIsNotUnconsumed() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Done ask(Start ev, Context<?> ctx) {
            Answer a = ctx.waitForEvent(Answer.class, new Question(), x -> true, java.time.Duration.ofSeconds(1));
            return new Done();
          }

          @Step
          Answer answer(Start ev) { return new Answer(); }
        }
        """);
    var compilation = compile(flow, START, DONE, "record Answer() implements Event {}",
        "record Question() implements Event {}");
    assertThat(compilation).succeededWithoutWarnings();
    String generated = content(compilation.generatedSourceFile("test.Flow_Workflow").orElseThrow());
    assertThat(generated).contains(".workers(4)\n          .awaits(Answer.class)\n          .build()");
  }
}
