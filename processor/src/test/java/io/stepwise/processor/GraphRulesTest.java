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

/** Level two: rules about the whole event graph. */
class GraphRulesTest {
  private static final String START = "record Start() implements StartEvent {}";
  private static final String DONE = "record Done() implements StopEvent {}";

  @Test
  void workflowWithoutStartStepIsRejected() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Done spin(Loop ev, Context<?> ctx) { ctx.sendEvent(new Loop()); return new Done(); }
        }
        """);
    assertOnlyError(compile(flow, DONE, "record Loop() implements Event {}"), flow, "public class Flow",
        "[Stepwise/NoStartEvent] Workflow 'Flow' has no step that accepts a StartEvent. Add a step whose event"
            + " parameter implements io.stepwise.StartEvent.");
  }

  @Test
  void twoStartTypesAreRejected() {
    var flow = workflow("Flow", """
        @Workflow(name = "twin")
        public class Flow {
          @Step
          Done b(BStart ev) { return new Done(); }

          @Step
          Done a(AStart ev) { return new Done(); }
        }
        """);
    var compilation = compile(flow, DONE,
        "record AStart() implements StartEvent {}", "record BStart() implements StartEvent {}");
    assertOnlyError(compilation, flow, "public class Flow",
        "[Stepwise/MultipleStartEvents] Workflow 'twin' accepts more than one StartEvent type: AStart (step 'a'),"
            + " BStart (step 'b'). Accept one StartEvent type, or a sealed interface of them, in every start step.");
  }

  @Test
  void twoStartEventsInOneSealedUnionAreRejected() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Done a(Either ev) { return new Done(); }
        }
        """);
    var compilation = compile(flow, DONE, "sealed interface Either extends Event permits AStart, BStart {}",
        "record AStart() implements StartEvent, Either {}", "record BStart() implements StartEvent, Either {}");
    assertOnlyError(compilation, flow, "public class Flow",
        "[Stepwise/MultipleStartEvents] Workflow 'Flow' accepts more than one StartEvent type: AStart (step 'a'),"
            + " BStart (step 'a'). Accept one StartEvent type, or a sealed interface of them, in every start step.");
  }

  @Test
  void workflowWithoutStopIsRejected() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Mid begin(Start ev) { return new Mid(); }

          @Step
          void end(Mid ev) {}
        }
        """);
    assertOnlyError(compile(flow, START, "record Mid() implements Event {}"), flow, "public class Flow",
        "[Stepwise/NoStopEvent] Workflow 'Flow' has no step that produces a StopEvent. Return an event that"
            + " implements io.stepwise.StopEvent from a step.");
  }

  @Test
  void twoStopTypesAreRejected() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          ADone a(Start ev) { return new ADone(); }

          @Step
          BDone b(Start ev) { return new BDone(); }
        }
        """);
    var compilation = compile(flow, START,
        "record ADone() implements StopEvent {}", "record BDone() implements StopEvent {}");
    assertOnlyError(compilation, flow, "public class Flow",
        "[Stepwise/MultipleStopEvents] Workflow 'Flow' produces more than one StopEvent type: ADone (step 'a'),"
            + " BDone (step 'b'). Produce one StopEvent type, or a sealed interface of them.");
  }

  @Test
  void consumingAStopEventIsRejected() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Done finish(Start ev) { return new Done(); }

          @Step
          Done after(Done ev) { return ev; }
        }
        """);
    assertOnlyError(compile(flow, START, DONE), flow, "Done after(",
        "[Stepwise/StopEventConsumed] Step 'after' accepts Done, which is a StopEvent. The first StopEvent ends"
            + " the run before any step receives it; accept an ordinary event instead.");
  }

  @Test
  void eventNobodyProducesIsRejected() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Done finish(Start ev) { return new Done(); }

          @Step
          Done adopt(Orphan ev) { return new Done(); }
        }
        """);
    assertOnlyError(compile(flow, START, DONE, "record Orphan() implements Event {}"), flow, "Done adopt(",
        "[Stepwise/UnproducedEvent] Step 'adopt' accepts Orphan, but no step produces it. Return or send Orphan"
            + " from a step, or add skipChecks = UNPRODUCED_EVENT.");
  }

  @Test
  void sentEventNobodyAcceptsIsRejected() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Done finish(Start ev, Context<?> ctx) {
            ctx.sendEvent(new Lost());
            return new Done();
          }
        }
        """);
    assertOnlyError(compile(flow, START, DONE, "record Lost() implements Event {}"), flow, "Done finish(",
        "[Stepwise/UnconsumedEvent] Step 'finish' produces Lost, but no step accepts it. Add a step that accepts"
            + " Lost, or add skipChecks = UNCONSUMED_EVENT.");
  }

  @Test
  void stepOnlyItselfFeedsIsUnreachable() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Done finish(Start ev) { return new Done(); }

          @Step
          Done spin(Loop ev, Context<?> ctx) { ctx.sendEvent(new Loop()); return new Done(); }
        }
        """);
    assertOnlyError(compile(flow, START, DONE, "record Loop() implements Event {}"), flow, "Done spin(",
        "[Stepwise/Unreachable] Step 'spin' can never run: no path from Start reaches Loop. Produce one of them"
            + " from a reachable step, or add skipChecks = UNREACHABLE.");
  }

  @Test
  void loopWithoutExitIsADeadEnd() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Next begin(Start ev) { return new Loop(); }

          @Step
          Loop loop(Loop ev) { return ev; }
        }
        """);
    var compilation = compile(flow, START,
        "sealed interface Next extends Event permits Loop, Done {}",
        "record Loop() implements Next {}",
        "record Done() implements Next, StopEvent {}");
    assertOnlyError(compilation, flow, "Loop loop(",
        "[Stepwise/DeadEnd] Step 'loop' has no path to a StopEvent: Loop -> loop -> Loop. Return a StopEvent"
            + " from 'loop' or from a step its events reach, or add skipChecks = DEAD_END.");
  }

  @Test
  void deadEndPathFollowsEventsToTheLastStep() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Done finish(Start ev) { return new Done(); }

          @Step
          Mid begin(Start ev) { return new Mid(); }

          @Step
          Tail middle(Mid ev) { return new Tail(); }

          @Step
          void sink(Tail ev) {}
        }
        """);
    var compilation = compile(flow, START, DONE, "record Mid() implements Event {}", "record Tail() implements Event {}");
    assertThat(errorMessages(compilation)).containsExactly(
        "[Stepwise/DeadEnd] Step 'begin' has no path to a StopEvent: Start -> begin -> Mid -> middle -> Tail -> sink."
            + " Return a StopEvent from 'begin' or from a step its events reach, or add skipChecks = DEAD_END.",
        "[Stepwise/DeadEnd] Step 'middle' has no path to a StopEvent: Mid -> middle -> Tail -> sink. Return a"
            + " StopEvent from 'middle' or from a step its events reach, or add skipChecks = DEAD_END.").inOrder();
    assertThat(errorLines(compilation)).containsExactly(
        (long) lineOf(flow, "Mid begin("), (long) lineOf(flow, "Tail middle(")).inOrder();
  }

  @Test
  void voidSinkStepIsNotADeadEnd() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          final List<String> log = new ArrayList<>();

          @Step
          Done finish(Start ev, Context<?> ctx) {
            ctx.sendEvent(new Audit("started"));
            return new Done();
          }

          @Step
          void audit(Audit ev) { log.add(ev.note()); }
        }
        """);
    var compilation = compile(flow, START, DONE, "record Audit(String note) implements Event {}");
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void sinkThatOnlyWritesToTheStreamIsNotADeadEnd() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Done finish(Start ev, Context<?> ctx) {
            ctx.sendEvent(new Audit("started"));
            return new Done();
          }

          @Step
          CompletionStage<Void> publish(Audit ev, Context<?> ctx) {
            ctx.writeEventToStream(new Note(ev.note()));
            return CompletableFuture.completedFuture(null);
          }
        }
        """);
    var compilation = compile(flow, START, DONE, "record Audit(String note) implements Event {}",
        "record Note(String text) implements Event {}");
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void invalidStepTimeoutIsRejected() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step(timeout = "5 parsecs")
          Done finish(Start ev) { return new Done(); }
        }
        """);
    assertOnlyError(compile(flow, START, DONE), flow, "Done finish(",
        "[Stepwise/InvalidDuration] Step 'finish' has timeout = \"5 parsecs\", which is not a duration. Write it"
            + " as \"500ms\", \"30s\", \"2m\", \"1h\" or ISO-8601 \"PT30S\".");
  }

  @Test
  void invalidRetryDelayIsRejected() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step(retry = @Retry(delay = "soon"))
          Done finish(Start ev) { return new Done(); }
        }
        """);
    assertOnlyError(compile(flow, START, DONE), flow, "Done finish(",
        "[Stepwise/InvalidDuration] Step 'finish' has retry.delay = \"soon\", which is not a duration. Write it"
            + " as \"500ms\", \"30s\", \"2m\", \"1h\" or ISO-8601 \"PT30S\".");
  }

  @Test
  void invalidWorkflowTimeoutIsRejected() {
    var flow = workflow("Flow", """
        @Workflow(timeout = "45")
        public class Flow {
          @Step
          Done finish(Start ev) { return new Done(); }
        }
        """);
    assertOnlyError(compile(flow, START, DONE), flow, "public class Flow",
        "[Stepwise/InvalidDuration] Workflow 'Flow' has timeout = \"45\", which is not a duration. Write it"
            + " as \"500ms\", \"30s\", \"2m\", \"1h\" or ISO-8601 \"PT30S\".");
  }

  @Test
  void joinIsUnreachableWhenOneInputIsUnreachable() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Mid begin(Start ev) { return new Mid(); }

          @Step
          Done both(Mid mid, Loop loop) { return new Done(); }

          @Step(skipChecks = GraphCheck.UNREACHABLE)
          Loop spin(Loop ev) { return ev; }
        }
        """);
    assertOnlyError(compile(flow, START, DONE, "record Mid() implements Event {}", "record Loop() implements Event {}"),
        flow, "Done both(",
        "[Stepwise/Unreachable] Step 'both' can never run: no path from Start reaches Loop, Mid. Produce one of"
            + " them from a reachable step, or add skipChecks = UNREACHABLE.");
  }
}
