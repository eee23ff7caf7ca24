package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.Event;
import io.stepwise.RunOptions;
import io.stepwise.StepStateChanged;
import io.stepwise.WorkflowHandler;
import io.stepwise.samples.state.TallyFlow;
import io.stepwise.samples.state.TallyFlow_Workflow;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Typed state, the store and collectEvents, run through generated code. */
@Timeout(30)
class StateAndCollectTest {

  @Test
  void tenConcurrentEditorsThatUndoEvenCountsEndAtExactlyOne() {
    for (int run = 0; run < 20; run++) {
      var result = TallyFlow_Workflow.of(new TallyFlow()).run(new TallyFlow.Begin(10)).result();
      assertEquals(new TallyFlow.Result(1, 1, 1), result);
    }
  }

  @Test
  void collectOfFourEventsSumsToTen() {
    var result = CollectFlows_SumFlow_Workflow.of(new CollectFlows.SumFlow()).run(new CollectFlows.Go()).result();
    assertEquals(10, result.sum());
    assertEquals(4, result.order().size());
  }

  @Test
  void collectReturnsEventsInExpectedOrderNotArrivalOrder() {
    var result = CollectFlows_OrderFlow_Workflow.of(new CollectFlows.OrderFlow()).run(new CollectFlows.Go()).result();
    assertEquals(List.of(new CollectFlows.First("a"), new CollectFlows.Second("b")), result.parts());
  }

  @Test
  void collectWithNothingExpectedReturnsAnEmptyList() {
    var result = CollectFlows_EmptyFlow_Workflow.of(new CollectFlows.EmptyFlow()).run(new CollectFlows.Go()).result();
    assertEquals(new CollectFlows.Empty(0), result);
  }

  @Test
  void storeRejectsNonJsonValuesAtPutNamingKeyAndType() {
    var result = StateFlows_MemoFlow_Workflow.of(new StateFlows.MemoFlow()).run(new StateFlows.Go()).result();
    assertEquals(new StateFlows.Seen(1, 1, "Cannot put a value of type java.lang.StringBuilder under key 'buffer'"
        + " in the store of workflow 'MemoFlow': store only null, booleans, numbers, strings, lists and maps of"
        + " those, or the workflow's own event and state types"), result);
  }

  @Test
  void updateStateReplacesImmutableStateAndAFailedUpdateChangesNothing() {
    var result = StateFlows_ScoreFlow_Workflow.of(new StateFlows.ScoreFlow()).run(new StateFlows.Go()).result();
    assertEquals(new StateFlows.Points(5, 5), result);
  }

  @Test
  void stateWithoutStateTypeFailsWithTheFix() {
    var result = StateFlows_StatelessFlow_Workflow.of(new StateFlows.StatelessFlow()).run(new StateFlows.Go()).result();
    assertEquals(new StateFlows.NoState("Workflow 'StatelessFlow' has no state type. Declare the state type on a"
        + " step's context parameter, e.g. Context<MyState> ctx, where MyState has a no-arg constructor."), result);
  }

  @Test
  void continuedRunStartsFromTheFinishedRunsStateAndStore() {
    var memo = StateFlows_MemoFlow_Workflow.of(new StateFlows.MemoFlow());
    WorkflowHandler<StateFlows.Seen> first = memo.run(new StateFlows.Go());
    assertEquals(1, first.result().runs());

    var second = memo.run(new StateFlows.Go(), RunOptions.defaults().continueFrom(first)).result();
    var third = memo.run(new StateFlows.Go()).result();

    assertEquals(2, second.runs());
    assertEquals(2, second.seen());
    assertEquals(1, third.runs());
  }

  @Test
  void continuingFromARunningRunIsRejected() {
    var waits = WaitFlows_UnansweredFlow_Workflow.of(new WaitFlows.UnansweredFlow());
    var running = waits.run(new WaitFlows.Go(1), RunOptions.defaults().withTimeout(java.time.Duration.ofSeconds(20)));
    var memo = StateFlows_MemoFlow_Workflow.of(new StateFlows.MemoFlow());
    var error = assertThrows(IllegalArgumentException.class,
        () -> memo.run(new StateFlows.Go(), RunOptions.defaults().continueFrom(running)));
    assertEquals("Run " + running.runId() + " is not a run of workflow 'MemoFlow'; continue only from a run of"
        + " the same workflow", error.getMessage());
    var again = assertThrows(IllegalStateException.class,
        () -> waits.run(new WaitFlows.Go(1), RunOptions.defaults().continueFrom(running)));
    assertEquals("Run " + running.runId() + " of workflow 'UnansweredFlow' is still running; wait for its"
        + " result() before continuing from it", again.getMessage());
    running.cancel();
  }

  @Test
  void stepStateEventsShowQueuedRunningAndFinishedWithWorkers() {
    var run = CollectFlows_OrderFlow_Workflow.of(new CollectFlows.OrderFlow())
        .run(new CollectFlows.Go(), RunOptions.defaults().withStepStateEvents(true));
    List<Event> stream = run.events().toList();
    List<String> states = stream.stream()
        .filter(StepStateChanged.class::isInstance)
        .map(e -> (StepStateChanged) e)
        .map(s -> s.step() + " " + s.status() + " w" + s.worker() + " " + s.inputs() + " -> " + s.outputs())
        .toList();
    assertEquals(List.of(
        "start RUNNING w0 [Go] -> []",
        "start FINISHED w0 [Go] -> [Second, First]",
        "gather RUNNING w0 [Second] -> []",
        "gather QUEUED w-1 [First] -> []"), states.subList(0, 4));
    assertEquals("gather FINISHED w0 [First] -> [Parts]", states.getLast());
  }
}
