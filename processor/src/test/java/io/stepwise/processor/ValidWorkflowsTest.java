package io.stepwise.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.stepwise.processor.Compilations.compile;
import static io.stepwise.processor.Compilations.content;
import static io.stepwise.processor.Compilations.workflow;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Workflows the processor must accept, whose generated code must compile without a warning. */
class ValidWorkflowsTest {
  private static final String START = "record Start() implements StartEvent {}";
  private static final String DONE = "record Done() implements StopEvent {}";
  private static final String MID = "record Mid() implements Event {}";

  private static String generated(Compilation compilation, String name) {
    assertThat(compilation).succeededWithoutWarnings();
    return content(compilation.generatedSourceFile(name).orElseThrow());
  }

  @Test
  void sealedUnionsExpandToTheirPermittedTypes() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Route route(Start ev) { return new Left(); }

          @Step
          Done handle(Route ev) { return new Done(); }
        }
        """);
    String code = generated(compile(flow, START, DONE,
        "sealed interface Route extends Event permits Left, Right {}",
        "record Left() implements Route {}",
        "record Right() implements Route {}"), "test.Flow_Workflow");
    assertThat(code).contains("step(0, \"route\")\n          .accepts(Start.class)\n          .produces(Left.class, Right.class)");
    assertThat(code).contains(".acceptsAnyOf(Route.class, Left.class, Right.class)");
  }

  @Test
  void joinPassesOneEventPerParameter() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Mid left(Start ev) { return new Mid(); }

          @Step
          Other right(Start ev) { return new Other(); }

          @Step
          Done join(Context<?> ctx, Other other, Mid mid) { return new Done(); }
        }
        """);
    String code = generated(compile(flow, START, DONE, MID, "record Other() implements Event {}"), "test.Flow_Workflow");
    assertThat(code).contains(".accepts(Other.class)\n          .accepts(Mid.class)");
    assertThat(code).contains("case 2 -> target.join(context, (Other) events[0], (Mid) events[1]);");
  }

  @Test
  void sentEventsAreInferredFromTheBody() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Done begin(Start ev, Context<?> ctx) {
            List.of(1, 2).forEach(i -> ctx.sendEvent(new Mid()));
            ctx.writeEventToStream(new Progress());
            return new Done();
          }

          @Step
          Optional<Done> more(Mid ev) { return Optional.empty(); }
        }
        """);
    String code = generated(compile(flow, START, DONE, MID, "record Progress() implements Event {}"),
        "test.Flow_Workflow");
    assertThat(code).contains(".produces(Done.class, Mid.class)");
    assertThat(code).contains("new Edge(EdgeKind.PRODUCES, \"begin\", \"test.Mid\")");
    // Stream-only events are not graph edges.
    assertThat(code).doesNotContain("Progress");
  }

  @Test
  void listReturnFansOut() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          List<Mid> split(Start ev) { return List.of(new Mid(), new Mid()); }

          @Step
          Optional<Done> collect(Mid ev) { return Optional.of(new Done()); }
        }
        """);
    String code = generated(compile(flow, START, DONE, MID), "test.Flow_Workflow");
    assertThat(code).contains("case 0 -> target.split((Start) events[0]);");
  }

  @Test
  void asyncStepsReturnCompletionStages() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          CompletionStage<Mid> first(Start ev) { return CompletableFuture.completedFuture(new Mid()); }

          @Step
          CompletableFuture<Done> second(Mid ev) { return CompletableFuture.completedFuture(new Done()); }
        }
        """);
    String code = generated(compile(flow, START, DONE, MID), "test.Flow_Workflow");
    assertThat(code).contains("implements WorkflowDefinition<Flow, Start, Done>");
  }

  @Test
  void loopWithAnExitIsAccepted() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Next begin(Start ev) { return new Again(1); }

          @Step
          Next again(Again ev) { return ev.n() > 3 ? new Finished() : new Again(ev.n() + 1); }
        }
        """);
    String code = generated(compile(flow, START,
        "sealed interface Next extends Event permits Again, Finished {}",
        "record Again(int n) implements Next {}",
        "record Finished() implements Next, StopEvent {}"), "test.Flow_Workflow");
    assertThat(code).contains("public Class<Finished> stopEventType()");
  }

  @Test
  void humanInTheLoopEndsPathsAtInputRequired() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Ask ask(Start ev) { return new Ask("name?"); }

          @Step
          Done answer(Reply ev) { return new Done(); }
        }
        """);
    String code = generated(compile(flow, START, DONE,
        "record Ask(String question) implements InputRequiredEvent {}",
        "record Reply(String text) implements HumanResponseEvent {}"), "test.Flow_Workflow");
    assertThat(code).contains("new EventNode(\"test.Ask\", \"Ask\", EventKind.INPUT_REQUIRED)");
    assertThat(code).contains("new EventNode(\"test.Reply\", \"Reply\", EventKind.HUMAN_RESPONSE)");
  }

  @Test
  void nestedWorkflowClassGetsOuterPrefixedName() {
    var flow = workflow("Outer", """
        public class Outer {
          public record Ping() implements StartEvent {}
          public record Pong() implements StopEvent {}

          @Workflow
          static class Flow {
            @Step
            Pong reply(Ping ev) { return new Pong(); }
          }
        }
        """);
    String code = generated(compile(flow), "test.Outer_Flow_Workflow");
    assertThat(code).contains("public final class Outer_Flow_Workflow implements"
        + " WorkflowDefinition<Outer.Flow, Outer.Ping, Outer.Pong>");
    assertThat(code).contains("new EventNode(\"test.Outer.Ping\", \"Outer.Ping\", EventKind.START)");
    assertThat(code).contains("return \"Flow\";");
  }

  @Test
  void skipChecksSilencesRulesOnStepAndWorkflow() {
    var flow = workflow("Flow", """
        @Workflow(skipChecks = GraphCheck.DEAD_END)
        public class Flow {
          @Step(skipChecks = GraphCheck.UNCONSUMED_EVENT)
          Done begin(Start ev, Context<?> ctx) {
            ctx.sendEvent(new Mid());
            ctx.sendEvent(new Audit());
            return new Done();
          }

          @Step
          Mid again(Mid ev) { return ev; }
        }
        """);
    String code = generated(compile(flow, START, DONE, MID, "record Audit() implements Event {}"),
        "test.Flow_Workflow");
    assertThat(code).contains("case 1 -> target.again((Mid) events[0]);");
  }

  @Test
  void acceptSubtypesTakesEveryAssignableGraphEvent() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step(emits = {Alpha.class, Beta.class})
          Done begin(Start ev, Context<?> ctx) { return new Done(); }

          @Step(acceptSubtypes = true)
          Optional<Done> any(Tagged ev) { return Optional.empty(); }
        }
        """);
    String code = generated(compile(flow, START, DONE,
        "interface Tagged extends Event {}",
        "record Alpha() implements Tagged {}",
        "record Beta() implements Tagged {}"), "test.Flow_Workflow");
    assertThat(code).contains(".acceptsAnyOf(Tagged.class, Alpha.class, Beta.class)\n          .produces(Done.class)\n          .workers(4)\n          .acceptSubtypes()");
  }

  @Test
  void typedContextIsCastWithoutAWarning() {
    var flow = workflow("Flow", """
        @Workflow(timeout = "0s")
        public class Flow {
          @Step
          Done finish(Start ev, Context<Tally> ctx) { return new Done(); }
        }
        """);
    String code = generated(compile(flow, START, DONE, "class Tally { public int count; }"), "test.Flow_Workflow");
    assertThat(code).contains("@SuppressWarnings(\"unchecked\")");
    assertThat(code).contains("case 0 -> target.finish((Start) events[0], (Context<Tally>) context);");
    assertThat(code).contains("return Duration.ZERO;");
  }

  @Test
  void sealedStartInterfaceIsTheStartType() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Done begin(Input ev) { return new Done(); }
        }
        """);
    String code = generated(compile(flow, DONE,
        "sealed interface Input extends StartEvent permits ByText, ByFile {}",
        "record ByText(String text) implements Input {}",
        "record ByFile(String path) implements Input {}"), "test.Flow_Workflow");
    assertThat(code).contains("implements WorkflowDefinition<Flow, Input, Done>");
    assertThat(code).contains(".acceptsAnyOf(Input.class, ByFile.class, ByText.class)");
  }

  /** The guide's {@code StartEvent | LoopEvent} parameter: the union's start member is S, not the union. */
  private static final String[] LOOP_EVENTS = {
      "sealed interface StartOrLoop extends Event permits Begin, Loop {}",
      "sealed interface Lap extends Event permits Loop, First {}",
      "record Begin() implements StartEvent, StartOrLoop {}",
      "record Loop() implements StartOrLoop, Lap {}",
      "record First() implements Lap {}"};

  @Test
  void startEventInsideASealedUnionIsTheStartType() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Lap stepOne(StartOrLoop ev) { return ev instanceof Begin ? new Loop() : new First(); }

          @Step
          Done stepTwo(First ev) { return new Done(); }
        }
        """);
    String code = generated(compile(flow, withLoopEvents(DONE)), "test.Flow_Workflow");
    assertThat(code).contains("implements WorkflowDefinition<Flow, Begin, Done>");
    assertThat(code).contains(".acceptsAnyOf(StartOrLoop.class, Begin.class, Loop.class)");
  }

  @Test
  void startEventAcceptedAloneAndInASealedUnionIsOneStartType() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Lap stepOne(StartOrLoop ev) { return ev instanceof Begin ? new Loop() : new First(); }

          @Step
          Done stepTwo(First ev) { return new Done(); }

          @Step
          Done shortcut(Begin ev) { return new Done(); }
        }
        """);
    String code = generated(compile(flow, withLoopEvents(DONE)), "test.Flow_Workflow");
    assertThat(code).contains("implements WorkflowDefinition<Flow, Begin, Done>");
  }

  private static String[] withLoopEvents(String... more) {
    var all = new ArrayList<>(List.of(LOOP_EVENTS));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
