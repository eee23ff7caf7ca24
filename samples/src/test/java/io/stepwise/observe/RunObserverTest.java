package io.stepwise.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.Event;
import io.stepwise.ObserverFailedEvent;
import io.stepwise.RunOptions;
import io.stepwise.WorkflowFailedException;
import io.stepwise.WorkflowHandler;
import io.stepwise.WorkflowTimeoutException;
import io.stepwise.observe.ObservedFlows.Order;
import io.stepwise.observe.ObservedFlows.Receipt;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunObserverTest {

  @Test
  void observerSeesRetryChildRunAndRoutingInOrder() {
    RecordingObserver observer = new RecordingObserver();
    var shop = ObservedFlows_ShopFlow_Workflow.of(new ObservedFlows.ShopFlow());

    Receipt receipt = shop.run(new Order("kite"), RunOptions.builder().observer(observer).build()).result();

    assertEquals("kite for 250 cents, 4 left", receipt.text());
    assertEquals(List.of(
        "runStarted Order",
        "eventRouted Order from null to [price]",
        "stepStarted price#1 [Order]",
        "stepEntered price#1",
        "scopeClosed price#1",
        "stepFailed price#1 IllegalStateException: price service busy",
        "stepRetrying price next=2 delay=5ms after price service busy",
        "stepStarted price#2 [Order]",
        "stepEntered price#2",
        "scopeClosed price#2",
        "stepFinished price#2 [Priced]",
        "eventRouted Priced from price to [bill]",
        "stepStarted bill#1 [Priced]",
        "stepEntered bill#1",
        "childRunStarted stock from bill",
        "scopeClosed bill#1",
        "stepFinished bill#1 [Receipt]",
        "eventRouted Receipt from bill to []",
        "runEnded SUCCEEDED Receipt"), observer.of("shop"));
    // The child run inherits the parent's observers.
    assertEquals(List.of(
        "runStarted Ask",
        "eventRouted Ask from null to [count]",
        "stepStarted count#1 [Ask]",
        "stepEntered count#1",
        "scopeClosed count#1",
        "stepFinished count#1 [Stock]",
        "eventRouted Stock from count to []",
        "runEnded SUCCEEDED Stock"), observer.of("stock"));
    RunEnded shopEnd = observer.ends.stream().filter(e -> e.run().workflow().equals("shop")).findFirst().orElseThrow();
    assertSame(receipt, shopEnd.terminal());
    assertNull(shopEnd.error());
    assertTrue(shopEnd.elapsed().toMillis() >= 5, "the run waited out a 5 ms retry delay: " + shopEnd.elapsed());
    RunEnded stockEnd = observer.ends.stream().filter(e -> e.run().workflow().equals("stock")).findFirst().orElseThrow();
    assertNotEquals(shopEnd.run().runId(), stockEnd.run().runId());
  }

  @Test
  void failedStepFailsTheRunAndTheObserverSeesWhy() {
    RecordingObserver observer = new RecordingObserver();
    var broken = ObservedFlows_BrokenFlow_Workflow.of(new ObservedFlows.BrokenFlow());

    var run = broken.run(new Order("kite"), RunOptions.builder().observer(observer).build());

    WorkflowFailedException failure = assertThrows(WorkflowFailedException.class, run::result);
    assertEquals(List.of(
        "runStarted Order",
        "eventRouted Order from null to [bill]",
        "stepStarted bill#1 [Order]",
        "stepEntered bill#1",
        "scopeClosed bill#1",
        "stepFailed bill#1 IllegalArgumentException: no price for kite",
        "runEnded FAILED WorkflowFailedEvent WorkflowFailedException"), observer.of("broken"));
    assertSame(failure, observer.ends.getFirst().error());
  }

  @Test
  void stopEventCancelsTheSlowStepAndTheObserverSeesTheCancel() {
    RecordingObserver observer = new RecordingObserver();
    var race = ObservedFlows_RaceFlow_Workflow.of(new ObservedFlows.RaceFlow());

    race.run(new Order("kite"), RunOptions.builder().observer(observer).build()).result();

    List<String> lines = observer.of("race");
    // The two steps' bodies run on threads of their own, so only the loop's calls are in a fixed order.
    List<String> loopCalls = lines.stream().filter(line -> !line.startsWith("stepEntered")
        && !line.startsWith("scopeClosed")).toList();
    assertEquals(List.of(
        "runStarted Order",
        "eventRouted Order from null to [quick, slow]",
        "stepStarted quick#1 [Order]",
        "stepStarted slow#1 [Order]",
        "stepFinished quick#1 [Receipt]",
        "eventRouted Receipt from quick to []",
        "stepCancelled slow#1",
        "runEnded SUCCEEDED Receipt"), loopCalls);
  }

  @Test
  void throwingObserverCannotBreakTheRunAndIsReportedOnceOnTheStream() {
    RecordingObserver recording = new RecordingObserver();
    RunObserver throwing = new RunObserver() {
      @Override
      public void stepStarted(StepStarted step) {
        throw new IllegalStateException("observer bug in " + step.step());
      }

      @Override
      public void runEnded(RunEnded run) {
        throw new UnsupportedOperationException("second bug");
      }
    };
    var shop = ObservedFlows_ShopFlow_Workflow.of(new ObservedFlows.ShopFlow());

    WorkflowHandler<Receipt> run = shop.run(new Order("kite"),
        RunOptions.builder().observer(throwing).observer(recording).build());

    assertEquals("kite for 250 cents, 4 left", run.result().text());
    List<Event> reports = run.events().filter(event -> event instanceof ObserverFailedEvent).toList();
    assertEquals(List.of(new ObserverFailedEvent(throwing.getClass().getName(), "stepStarted",
        IllegalStateException.class.getName(), "observer bug in price")), reports);
    // The observer after the throwing one saw everything, and so did the child run's.
    assertEquals("runEnded SUCCEEDED Receipt", observer(recording, "shop").getLast());
    assertEquals("runEnded SUCCEEDED Stock", observer(recording, "stock").getLast());
  }

  @Test
  void runWithoutObserversHasNone() {
    assertEquals(List.of(), RunOptions.defaults().observers());
    RunObserver observer = new RecordingObserver();
    RunOptions options = RunOptions.builder().observer(observer).build();
    assertEquals(List.of(observer), options.toBuilder().build().observers());
    assertThrows(NullPointerException.class, () -> RunOptions.builder().observer(null));
  }

  private static List<String> observer(RecordingObserver recording, String workflow) {
    return recording.of(workflow);
  }

  @Test
  void stepTimeoutIsAFailureFollowedByTheRetry() {
    RecordingObserver observer = new RecordingObserver();
    var slow = ObservedFlows_SlowFirstFlow_Workflow.of(new ObservedFlows.SlowFirstFlow());

    slow.run(new Order("kite"), RunOptions.builder().observer(observer).build()).result();

    assertEquals(List.of(
        "runStarted Order",
        "eventRouted Order from null to [bill]",
        "stepStarted bill#1 [Order]",
        "stepEntered bill#1",
        "stepFailed bill#1 TimeoutException: Step 'bill' timed out after PT0.2S",
        "stepRetrying bill next=2 delay=1ms after Step 'bill' timed out after PT0.2S",
        "stepStarted bill#2 [Order]",
        "stepEntered bill#2",
        "scopeClosed bill#2",
        "stepFinished bill#2 [Receipt]",
        "eventRouted Receipt from bill to []",
        "runEnded SUCCEEDED Receipt"), observer.of("slow-first").stream()
            .filter(line -> !line.equals("scopeClosed bill#1")).toList()); // the cancelled body ends whenever
  }

  @Test
  void runTimeoutCancelsTheStepAndEndsTheRunTimedOut() {
    RecordingObserver observer = new RecordingObserver();
    var sleepy = ObservedFlows_SleepyFlow_Workflow.of(new ObservedFlows.SleepyFlow());

    var run = sleepy.run(new Order("kite"), RunOptions.builder().observer(observer).build());

    assertThrows(WorkflowTimeoutException.class, run::result);
    assertEquals(List.of(
        "runStarted Order",
        "eventRouted Order from null to [bill]",
        "stepStarted bill#1 [Order]",
        "stepEntered bill#1",
        "stepCancelled bill#1",
        "runEnded TIMED_OUT WorkflowTimedOutEvent WorkflowTimeoutException"), observer.of("sleepy").stream()
            .filter(line -> !line.equals("scopeClosed bill#1")).toList());
  }

  @Test
  void resumedRunIsObservedAsResumedAndAnAnswerFromOutsideIsRouted() {
    var asking = ObservedFlows_AskingFlow_Workflow.of(new ObservedFlows.AskingFlow());
    var first = asking.run(new Order("kite"));
    first.events().filter(event -> event instanceof ObservedFlows.Question).findFirst().orElseThrow();
    var snapshot = first.snapshot();
    first.cancel();
    RecordingObserver observer = new RecordingObserver();

    var resumed = asking.resume(snapshot, RunOptions.builder().observer(observer).build());
    resumed.sendEvent(new ObservedFlows.Reply(true));

    assertEquals("billed", resumed.result().text());
    assertEquals(List.of(
        "runStarted null resumed",
        "eventRouted Reply from null to [answer]",
        "stepStarted answer#1 [Reply]",
        "stepEntered answer#1",
        "scopeClosed answer#1",
        "stepFinished answer#1 [Receipt]",
        "eventRouted Receipt from answer to []",
        "runEnded SUCCEEDED Receipt"), observer.of("asking"));
    assertEquals(first.runId(), observer.ends.getFirst().run().runId());
  }

  @Test
  void sendReplayedByAResumedRunIsNotReportedAsRoutedAgain() {
    var sending = ObservedFlows_SendingFlow_Workflow.of(new ObservedFlows.SendingFlow());
    RecordingObserver before = new RecordingObserver();
    var first = sending.run(new Order("kite"), RunOptions.builder().observer(before).build());
    first.events().filter(event -> event instanceof ObservedFlows.Question).findFirst().orElseThrow();
    var snapshot = first.snapshot();
    first.cancel();
    RecordingObserver after = new RecordingObserver();

    var resumed = sending.resume(snapshot, RunOptions.builder().observer(after).build());
    resumed.sendEvent(new ObservedFlows.Confirm(true));

    assertEquals("confirmed", resumed.result().text());
    assertEquals(List.of("eventRouted Order from null to [check]", "eventRouted Priced from check to [note]"),
        routings(before));
    assertEquals(List.of("eventRouted Confirm from null to []", "eventRouted Receipt from check to []"),
        routings(after));
  }

  private static List<String> routings(RecordingObserver observer) {
    return observer.of("sending").stream().filter(line -> line.startsWith("eventRouted")).toList();
  }
}
