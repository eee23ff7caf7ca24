package io.stepwise.processor;

import static io.stepwise.processor.Compilations.assertOnlyError;
import static io.stepwise.processor.Compilations.compile;
import static io.stepwise.processor.Compilations.workflow;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Level one: each step's own signature. */
class StepSignatureTest {
  private static final String START = "record Start() implements StartEvent {}";
  private static final String DONE = "record Done() implements StopEvent {}";

  /** A valid start-to-stop workflow plus {@code extraStep}. */
  private static JavaFileObject flowWith(String extraStep) {
    return workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Done finish(Start ev) { return new Done(); }

        """ + extraStep + "\n}\n");
  }

  @Test
  void privateStepIsRejected() {
    var flow = flowWith("  @Step\n  private Done hidden(Start ev) { return new Done(); }");
    assertOnlyError(compile(flow, START, DONE), flow, "Done hidden(",
        "[Stepwise/StepSignature] Step 'hidden' must not be private. Make it package-private or public.");
  }

  @Test
  void staticStepIsRejected() {
    var flow = flowWith("  @Step\n  static Done shared(Start ev) { return new Done(); }");
    assertOnlyError(compile(flow, START, DONE), flow, "Done shared(",
        "[Stepwise/StepSignature] Step 'shared' must not be static. Make it an instance method of Flow.");
  }

  @Test
  void genericStepIsRejected() {
    var flow = flowWith("  @Step\n  <E extends Start> Done any(E ev) { return new Done(); }");
    assertOnlyError(compile(flow, START, DONE), flow, "Done any(",
        "[Stepwise/StepSignature] Step 'any' must not declare type parameters. Use concrete event types.");
  }

  @Test
  void stepWithoutEventParameterIsRejected() {
    var flow = flowWith("  @Step\n  Done idle(Context<?> ctx) { return new Done(); }");
    assertOnlyError(compile(flow, START, DONE), flow, "Done idle(",
        "[Stepwise/StepSignature] Step 'idle' has no event parameter. Add a parameter whose type implements io.stepwise.Event.");
  }

  @Test
  void openEventParameterNeedsAcceptSubtypes() {
    var flow = flowWith("  @Step\n  Done anything(Event ev) { return new Done(); }");
    assertOnlyError(compile(flow, START, DONE), flow, "Done anything(",
        "[Stepwise/StepSignature] Step 'anything' parameter 'ev' has type Event, which is neither a concrete event"
            + " nor a sealed interface of events. Accept a concrete event type or a sealed interface, or set"
            + " acceptSubtypes = true.");
  }

  @Test
  void nonEventReturnTypeIsRejected() {
    var flow = flowWith("  @Step\n  String text(Start ev) { return \"\"; }");
    assertOnlyError(compile(flow, START, DONE), flow, "String text(",
        "[Stepwise/StepSignature] Step 'text' returns String, which is not an event. Return an event, a sealed"
            + " interface of events, Optional<E>, List<E>, void, or one of these in a CompletionStage.");
  }

  @Test
  void openReturnTypeNeedsEmits() {
    var flow = flowWith("  @Step\n  Event vague(Start ev) { return new Done(); }");
    assertOnlyError(compile(flow, START, DONE), flow, "Event vague(",
        "[Stepwise/StepSignature] Step 'vague' returns Event, which is neither a concrete event nor a sealed"
            + " interface of events. Return a concrete event type or a sealed interface, or list the events in emits.");
  }

  @Test
  void zeroWorkersIsRejected() {
    var flow = flowWith("  @Step(workers = 0)\n  Done lazy(Start ev) { return new Done(); }");
    assertOnlyError(compile(flow, START, DONE), flow, "Done lazy(",
        "[Stepwise/StepSignature] Step 'lazy' has workers = 0. Set workers to 1 or more.");
  }

  @Test
  void twoContextsAreRejected() {
    var flow = flowWith("  @Step\n  Done twice(Start ev, Context<?> a, Context<?> b) { return new Done(); }");
    assertOnlyError(compile(flow, START, DONE), flow, "Done twice(",
        "[Stepwise/StepSignature] Step 'twice' declares more than one Context parameter. Keep one.");
  }

  @Test
  void joinParametersMustNotOverlap() {
    var flow = flowWith("  @Step\n  Done pair(Start a, Start b) { return new Done(); }");
    assertOnlyError(compile(flow, START, DONE), flow, "Done pair(",
        "[Stepwise/StepSignature] Step 'pair' has two event parameters that accept Start. Give each parameter"
            + " of a join a distinct event type.");
  }

  @Test
  void overloadedStepNameIsRejected() {
    var flow = flowWith("  @Step\n  Done finish(Start ev, Context<?> ctx) { return new Done(); }");
    assertOnlyError(compile(flow, START, DONE), flow, "Done finish(Start ev, Context",
        "[Stepwise/StepSignature] Step 'finish' is declared more than once. Give each step a distinct method name.");
  }

  @Test
  void emitsMustListEvents() {
    var flow = flowWith("  @Step(emits = String.class)\n  Done noisy(Start ev) { return new Done(); }");
    assertOnlyError(compile(flow, START, DONE), flow, "Done noisy(",
        "[Stepwise/StepSignature] Step 'noisy' emits String, which is not an event. List only types that"
            + " implement io.stepwise.Event in emits.");
  }

  @Test
  void retryNeedsOneAttempt() {
    var flow = flowWith("  @Step(retry = @Retry(maxAttempts = 0))\n  Done never(Start ev) { return new Done(); }");
    assertOnlyError(compile(flow, START, DONE), flow, "Done never(",
        "[Stepwise/StepSignature] Step 'never' has retry.maxAttempts = 0. Set maxAttempts to 1 or more.");
  }

  @Test
  void unknownParameterIsAMissingResource() {
    var flow = flowWith("  @Step\n  Done needy(Start ev, String foo) { return new Done(); }");
    assertOnlyError(compile(flow, START, DONE), flow, "Done needy(",
        "[Stepwise/MissingResource] Step 'needy' parameter 'foo' of type java.lang.String is neither an event,"
            + " a Context, nor provided by a @Provides method; the class has no @Provides methods. Add a @Provides"
            + " method that returns String, or remove the parameter.");
  }
}
