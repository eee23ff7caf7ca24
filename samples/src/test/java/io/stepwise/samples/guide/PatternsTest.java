package io.stepwise.samples.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.Event;
import io.stepwise.WorkflowHandler;
import io.stepwise.samples.guide.branching.BranchFlow;
import io.stepwise.samples.guide.branching.BranchFlow_Workflow;
import io.stepwise.samples.guide.concurrent.ConcurrentFlow;
import io.stepwise.samples.guide.concurrent.ConcurrentFlow_Workflow;
import io.stepwise.samples.guide.hitl.HumanInTheLoopFlow;
import io.stepwise.samples.guide.hitl.HumanInTheLoopFlow_Workflow;
import io.stepwise.samples.guide.looping.LoopFlow;
import io.stepwise.samples.guide.looping.LoopFlow_Workflow;
import io.stepwise.samples.guide.parallel.ParallelFlow;
import io.stepwise.samples.guide.parallel.ParallelFlow_Workflow;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The guide's design patterns: branches, loops, send, join, human in the loop. */
@Timeout(60)
class PatternsTest {
  @Test
  void branchFollowsTheCoin() {
    assertEquals("Branch A complete.", BranchFlow_Workflow.of(new BranchFlow(coin(0))).run(new BranchFlow.Begin()).result().result());
    assertEquals("Branch B complete.", BranchFlow_Workflow.of(new BranchFlow(coin(1))).run(new BranchFlow.Begin()).result().result());
  }

  @Test
  void loopRunsUntilTheGoodThingHappens() {
    Queue<Boolean> outcomes = new ArrayDeque<>(List.of(false, false, true));
    WorkflowHandler<LoopFlow.LoopDone> run = LoopFlow_Workflow.of(new LoopFlow(outcomes::remove)).run(new LoopFlow.Begin());

    List<Event> stream = run.events().toList();

    assertEquals(List.of(new LoopFlow.Lap(1, "Bad thing happened"), new LoopFlow.Lap(2, "Bad thing happened"),
        new LoopFlow.Lap(3, "Good thing happened"), new LoopFlow.LoopDone("First step complete.", 3)), stream);
  }

  @Test
  void sentEventReachesStepTwo() {
    WorkflowHandler<ParallelFlow.QueryDone> run = ParallelFlow_Workflow.of(new ParallelFlow()).run(new ParallelFlow.Begin("Query 1"));

    assertEquals(List.of(new ParallelFlow.Running("Running slow query Query 1"), new ParallelFlow.QueryDone("Query 1")),
        run.events().toList());
  }

  @Test
  void joinWaitsForAllThreeWorkers() {
    WorkflowHandler<ConcurrentFlow.AllDone> run = ConcurrentFlow_Workflow.of(new ConcurrentFlow()).run(new ConcurrentFlow.Begin("q1", "q2", "q3"));

    List<Event> stream = run.events().toList();

    assertEquals(new ConcurrentFlow.AllDone(List.of("q3", "q1", "q2")), run.result());
    assertEquals(4, stream.size());
    assertTrue(stream.containsAll(List.of(new ConcurrentFlow.Working("Doing something A-ish"),
        new ConcurrentFlow.Working("Doing something B-ish"), new ConcurrentFlow.Working("Doing something C-ish"))));
  }

  @Test
  void humanAnswerResumesThePausedRun() {
    WorkflowHandler<HumanInTheLoopFlow.Answered> run = HumanInTheLoopFlow_Workflow.of(new HumanInTheLoopFlow()).run(new HumanInTheLoopFlow.Begin());
    Iterator<Event> stream = run.events().iterator();

    assertEquals(new HumanInTheLoopFlow.AskNumber("Enter a number: "), stream.next());
    assertFalse(run.isDone());
    run.sendEvent(new HumanInTheLoopFlow.Answer("42"));

    assertEquals(new HumanInTheLoopFlow.Answered("42"), stream.next());
    assertFalse(stream.hasNext());
    assertEquals(new HumanInTheLoopFlow.Answered("42"), run.result());
  }

  private static RandomGenerator coin(int side) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return side;
      }

      @Override
      public int nextInt(int bound) {
        return side;
      }
    };
  }
}
