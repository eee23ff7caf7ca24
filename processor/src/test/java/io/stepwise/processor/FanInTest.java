package io.stepwise.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.stepwise.processor.Compilations.assertOnlyError;
import static io.stepwise.processor.Compilations.compile;
import static io.stepwise.processor.Compilations.content;
import static io.stepwise.processor.Compilations.workflow;

import org.junit.jupiter.api.Test;

/** A {@code List<E>} event parameter (a fan-in) and {@code [Stepwise/FanIn]}. */
class FanInTest {
  private static final String START = "record Start() implements StartEvent {}";
  private static final String ITEM = "record Item(int n) implements Event {}";
  private static final String RESULT = "record Result(int n) implements Event {}";
  private static final String DONE = "record Done(int total) implements StopEvent {}";

  @Test
  void fanInIsCountedByTheFanOutItsElementsComeFrom() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          List<Item> split(Start ev) { return List.of(new Item(1), new Item(2)); }

          @Step
          Result work(Item item) { return new Result(item.n()); }

          @Step
          Done gather(List<Result> results, Context<?> ctx) { return new Done(results.size()); }
        }
        """);
    var compilation = compile(flow, START, ITEM, RESULT, DONE);
    assertThat(compilation).succeededWithoutWarnings();
    String code = content(compilation.generatedSourceFile("test.Flow_Workflow").orElseThrow());
    assertThat(code).contains(".collects(Result.class, Result.class)\n          .countedByStep(0)");
    assertThat(code).contains("case 2 -> target.gather(Batch.of(events), context);");
  }

  @Test
  void fanInWithoutAFanOutIsRejected() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Item split(Start ev) { return new Item(1); }

          @Step
          Result work(Item item) { return new Result(item.n()); }

          @Step
          Done gather(List<Result> results) { return new Done(results.size()); }
        }
        """);
    var compilation = compile(flow, START, ITEM, RESULT, DONE);
    assertOnlyError(compilation, flow, "Done gather(",
        "[Stepwise/FanIn] Step 'gather' collects List<Result>, but no step returns a List whose elements lead to"
            + " Result. Return a List from the step that splits the work (the batch has one Result per element),"
            + " or take Result instead of List<Result>.");
  }

  @Test
  void twoFanOutsAreRejected() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          List<Item> split(Start ev) { return List.of(new Item(1)); }

          @Step
          List<Result> more(Start ev) { return List.of(new Result(2)); }

          @Step
          Result work(Item item) { return new Result(item.n()); }

          @Step
          Done gather(List<Result> results) { return new Done(results.size()); }
        }
        """);
    var compilation = compile(flow, START, ITEM, RESULT, DONE);
    assertOnlyError(compilation, flow, "Done gather(",
        "[Stepwise/FanIn] Step 'gather' collects List<Result> from more than one fan-out: 'more', 'split'. Let one"
            + " step return the List the batch is counted from.");
  }

  @Test
  void nestedFanOutCountsTheBatchOfTheLevelItOpens() {
    // Each Item fans out again: gather fires once per execution of 'more', with that list's Results.
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          List<Item> split(Start ev) { return List.of(new Item(1)); }

          @Step
          List<Result> more(Item item) { return List.of(new Result(item.n())); }

          @Step
          Done gather(List<Result> results) { return new Done(results.size()); }
        }
        """);
    var compilation = compile(flow, START, ITEM, RESULT, DONE);
    assertThat(compilation).succeededWithoutWarnings();
    String code = content(compilation.generatedSourceFile("test.Flow_Workflow").orElseThrow());
    assertThat(code).contains(".collects(Result.class, Result.class)\n          .countedByStep(1)");
  }

  @Test
  void stepThatMayDropAnElementOnTheWayIsRejected() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          List<Item> split(Start ev) { return List.of(new Item(1)); }

          @Step
          Optional<Result> work(Item item) { return Optional.empty(); }

          @Step
          Done gather(List<Result> results) { return new Done(results.size()); }
        }
        """);
    var compilation = compile(flow, START, ITEM, RESULT, DONE);
    assertOnlyError(compilation, flow, "Done gather(",
        "[Stepwise/FanIn] Step 'gather' collects List<Result>, one per element of the List 'split' returns, but"
            + " 'work' on the way may emit no event for an element (it returns Optional). Let each element lead to"
            + " exactly one Result through steps that return one event each, or gather with ctx.collectEvents"
            + " instead.");
  }

  @Test
  void elementTakenByTwoStepsThatBothLeadToTheFanInIsRejected() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          List<Item> split(Start ev) { return List.of(new Item(1)); }

          @Step
          Result work(Item item) { return new Result(item.n()); }

          @Step
          Result echo(Item item) { return new Result(-item.n()); }

          @Step
          Done gather(List<Result> results) { return new Done(results.size()); }
        }
        """);
    var compilation = compile(flow, START, ITEM, RESULT, DONE);
    assertOnlyError(compilation, flow, "Done gather(",
        "[Stepwise/FanIn] Step 'gather' collects List<Result>, one per element of the List 'split' returns, but"
            + " Item goes to 'echo' and 'work', which both lead to 'gather'. Let each element lead to exactly one"
            + " Result through steps that return one event each, or gather with ctx.collectEvents instead.");
  }

  @Test
  void memberProducedOutsideTheBatchIsRejected() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          List<Item> split(Start ev, Context<?> ctx) { ctx.sendEvent(new Result(0)); return List.of(new Item(1)); }

          @Step
          Result work(Item item) { return new Result(item.n()); }

          @Step
          Done gather(List<Result> results) { return new Done(results.size()); }
        }
        """);
    var compilation = compile(flow, START, ITEM, RESULT, DONE);
    assertOnlyError(compilation, flow, "Done gather(",
        "[Stepwise/FanIn] Step 'gather' collects List<Result>, one per element of the List 'split' returns, but"
            + " 'split' produces Result too, outside the batch. Let each element lead to exactly one Result through"
            + " steps that return one event each, or gather with ctx.collectEvents instead.");
  }

  @Test
  void fanInWithAnotherEventParameterIsRejected() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          List<Item> split(Start ev) { return List.of(new Item(1)); }

          @Step
          Result work(Item item) { return new Result(item.n()); }

          @Step
          Done gather(List<Result> results, Start again) { return new Done(results.size()); }
        }
        """);
    var compilation = compile(flow, START, ITEM, RESULT, DONE);
    assertOnlyError(compilation, flow, "Done gather(",
        "[Stepwise/FanIn] Step 'gather' collects List<Result> and takes other event parameters too. Make the List"
            + " the step's only event parameter, and join its result with the other events in a later step.");
  }

  @Test
  void listOfAnOpenEventTypeIsRejected() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          List<Item> split(Start ev) { return List.of(new Item(1)); }

          @Step
          Done gather(List<Event> results) { return new Done(results.size()); }
        }
        """);
    var compilation = compile(flow, START, ITEM, DONE);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(
        "[Stepwise/StepSignature] Step 'gather' parameter 'results' has type List<Event>, whose element is neither"
            + " a concrete event nor a sealed interface of events. Collect a concrete event type or a sealed"
            + " interface.").inFile(flow).onLine(Compilations.lineOf(flow, "Done gather("));
  }
}
