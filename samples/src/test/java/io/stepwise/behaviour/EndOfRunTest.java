package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.Event;
import io.stepwise.RunOptions;
import io.stepwise.WorkflowCancelledEvent;
import io.stepwise.WorkflowCancelledException;
import io.stepwise.WorkflowFailedEvent;
import io.stepwise.WorkflowFailedException;
import io.stepwise.WorkflowHandler;
import io.stepwise.WorkflowTimedOutEvent;
import io.stepwise.WorkflowTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How a run ends: by a stop event, a failure, a timeout, or its caller. */
@Timeout(30)
class EndOfRunTest {

  @Test
  void firstStopEventCancelsInFlightStepsAndDropsTheirLaterWrites() throws Exception {
    RaceFlow flow = new RaceFlow();
    WorkflowHandler<RaceFlow.Won> run = RaceFlow_Workflow.of(flow).run(new RaceFlow.Go());

    List<Event> stream = run.events().toList();

    assertEquals(new RaceFlow.Won("fast"), run.result());
    assertTrue(flow.slowInterrupted.await(10, TimeUnit.SECONDS), "the slow step was not interrupted");
    assertTrue(flow.lateWriteAttempted.await(10, TimeUnit.SECONDS));
    assertEquals(List.of(new RaceFlow.Note("slow started"), new RaceFlow.Won("fast")), stream);
    assertTrue(run.isDone());
  }

  @Test
  void stepFailurePublishesFailedEventAndResultThrowsWithOriginalCause() {
    WorkflowHandler<TroubleFlow.Outcome> run = TroubleFlow_Workflow.of(new TroubleFlow()).run(new TroubleFlow.Command("fail"));

    List<Event> stream = run.events().toList();
    WorkflowFailedException failure = assertThrows(WorkflowFailedException.class, run::result);

    assertEquals(List.of(new WorkflowFailedEvent("fail", "java.lang.IllegalStateException", "boom")), stream);
    assertEquals("fail", failure.step());
    IllegalStateException cause = assertInstanceOf(IllegalStateException.class, failure.getCause());
    assertEquals("boom", cause.getMessage());
    ExecutionException viaFuture = assertThrows(ExecutionException.class, () -> run.future().get());
    assertEquals(failure, viaFuture.getCause());
  }

  @Test
  void runTimeoutPublishesTimedOutEventNamingTheActiveStep() {
    var trouble = TroubleFlow_Workflow.of(new TroubleFlow());
    WorkflowHandler<TroubleFlow.Outcome> run =
        trouble.run(new TroubleFlow.Command("hang"), RunOptions.defaults().withTimeout(Duration.ofMillis(300)));

    List<Event> stream = run.events().toList();
    WorkflowTimeoutException timeout = assertThrows(WorkflowTimeoutException.class, run::result);

    assertEquals(List.of(new WorkflowTimedOutEvent(Duration.ofMillis(300), List.of("hang"))), stream);
    assertEquals(List.of("hang"), timeout.activeSteps());
    assertEquals(Duration.ofMillis(300), timeout.timeout());
  }

  @Test
  void cancelPublishesCancelledEventAndResultThrows() {
    WorkflowHandler<TroubleFlow.Outcome> run = TroubleFlow_Workflow.of(new TroubleFlow()).run(new TroubleFlow.Command("deploy"));
    var events = run.events().iterator();
    assertEquals(new TroubleFlow.Question("Proceed with deploy?"), events.next());

    run.cancel();

    assertEquals(new WorkflowCancelledEvent(), events.next());
    assertTrue(!events.hasNext(), "the stream must end after the terminal event");
    assertThrows(WorkflowCancelledException.class, run::result);
    assertTrue(run.isDone());
  }
}
