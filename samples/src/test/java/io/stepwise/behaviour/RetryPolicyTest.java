package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.Event;
import io.stepwise.Snapshot;
import io.stepwise.WorkflowFailedException;
import io.stepwise.WorkflowHandler;
import io.stepwise.behaviour.RetryPolicyFlows.Call;
import io.stepwise.behaviour.RetryPolicyFlows.Limits;
import io.stepwise.behaviour.RetryPolicyFlows.Outcome;
import io.stepwise.behaviour.RetryPolicyFlows.Progress;
import io.stepwise.graph.ResourceUse;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code @Step(retryPolicy = "...")}: policy objects a workflow provides, run by generated code. */
class RetryPolicyTest {
  private static final Limits FOUR_QUICK = new Limits(4, Duration.ofMillis(1));

  @Test
  void messageMatchRetriesServerErrorsUntilTheStepSucceeds() {
    var flow = new RetryPolicyFlows.TransientFlow(FOUR_QUICK);

    Outcome outcome = RetryPolicyFlows_TransientFlow_Workflow.of(flow).run(new Call(2, "HTTP 503 unavailable")).result();

    assertEquals(new Outcome("ok", 3, 0), outcome);
    // The policy stops after Limits.attempts, so the step is told how many it gets.
    assertEquals(List.of(4, 4, 4), flow.maxAttemptsSeen);
  }

  @Test
  void causePredicateRetriesAWrappedIoException() {
    Outcome outcome = RetryPolicyFlows_TransientFlow_Workflow.of(new RetryPolicyFlows.TransientFlow(FOUR_QUICK))
        .run(new Call(1, "io")).result();

    assertEquals(new Outcome("ok", 2, 0), outcome);
  }

  @Test
  void errorThePolicyDoesNotRetryFailsTheRunAtOnce() {
    var flow = new RetryPolicyFlows.TransientFlow(FOUR_QUICK);
    var run = RetryPolicyFlows_TransientFlow_Workflow.of(flow).run(new Call(1, "HTTP 404 not found"));

    var failed = assertThrows(WorkflowFailedException.class, run::result);

    assertEquals("HTTP 404 not found", failed.getCause().getMessage());
    assertEquals(1, flow.maxAttemptsSeen.size());
  }

  @Test
  void attemptLimitComesFromTheResourceThePolicyIsMadeOf() {
    var flow = new RetryPolicyFlows.TransientFlow(new Limits(2, Duration.ofMillis(1)));
    var run = RetryPolicyFlows_TransientFlow_Workflow.of(flow).run(new Call(5, "HTTP 500"));

    var failed = assertThrows(WorkflowFailedException.class, run::result);

    assertEquals("HTTP 500", failed.getCause().getMessage());
    assertEquals(List.of(2, 2), flow.maxAttemptsSeen);
  }

  @Test
  void stopAfterTotalTimeCountsTheDelaysBetweenAttempts() {
    // 40 ms apart, stopping when the next wait would reach 100 ms: attempts at 0, 40 and 80 ms.
    Outcome outcome = RetryPolicyFlows_DeadlineFlow_Workflow.of(new RetryPolicyFlows.DeadlineFlow())
        .run(new Call(0, "")).result();

    assertEquals("gave up: down", outcome.how());
    assertEquals(3, outcome.attempts());
    assertTrue(outcome.elapsedMillis() >= 80 && outcome.elapsedMillis() < 100, outcome.toString());
  }

  @Test
  void customPolicyDecidesFromTheErrorAndAPolicyThatThrowsIsReportedOnTheFailure() {
    var compiled = RetryPolicyFlows_CustomFlow_Workflow.of(new RetryPolicyFlows.CustomFlow());

    var stopped = assertThrows(WorkflowFailedException.class, () -> compiled.run(new Call(0, "stop")).result());
    assertEquals("stop 1", stopped.getCause().getMessage());
    assertEquals(0, stopped.getCause().getSuppressed().length);

    var broken = assertThrows(WorkflowFailedException.class, () -> compiled.run(new Call(0, "again")).result());
    Throwable error = broken.getCause();
    assertEquals("again 3", error.getMessage());
    assertEquals(1, error.getSuppressed().length);
    assertEquals("The retry policy of step 'call' threw, so the step was not retried; make the policy return"
        + " Optional.empty() to stop", error.getSuppressed()[0].getMessage());
    assertInstanceOf(IllegalArgumentException.class, error.getSuppressed()[0].getCause());
  }

  @Test
  void retryDelayAndElapsedTimeSurviveASnapshotAndResume() {
    var compiled = RetryPolicyFlows_SlowRetryFlow_Workflow.of(new RetryPolicyFlows.SlowRetryFlow());
    WorkflowHandler<Outcome> first = compiled.run(new Call(0, ""));
    Iterator<Event> events = first.events().iterator();
    assertEquals(new Progress("attempt 1"), events.next());
    String json = waitingToRetry(first);
    first.cancel();
    assertTrue(json.contains("\"attempt\":2"), json);
    // The policy asked for 10 minutes; a test cannot wait them out, so it shortens what is left.
    String soon = json.replaceAll("\"retryIn\":\"PT[0-9.MS]+\"", "\"retryIn\":\"PT0.01S\"");

    WorkflowHandler<Outcome> resumed = RetryPolicyFlows_SlowRetryFlow_Workflow
        .of(new RetryPolicyFlows.SlowRetryFlow()).resume(Snapshot.fromJson(soon));
    Outcome outcome = resumed.result();

    // The second attempt ran after the resume; the 10 minutes waited count as elapsed, past the
    // policy's 5-minute limit, so it stops before its third attempt.
    assertEquals("gave up: attempt 2 failed", outcome.how());
    assertEquals(2, outcome.attempts());
    assertTrue(outcome.elapsedMillis() >= Duration.ofMinutes(10).toMillis(), outcome.toString());
  }

  @Test
  void theGraphShowsWhichStepUsesWhichPolicy() {
    var graph = RetryPolicyFlows_TransientFlow_Workflow.of(new RetryPolicyFlows.TransientFlow(FOUR_QUICK)).graph();

    assertEquals(List.of(new ResourceUse("call", "serverErrors")), graph.resourceUses());
  }

  private static String waitingToRetry(WorkflowHandler<?> run) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      String json = run.snapshot().toJson();
      if (json.contains("\"retryIn\":\"PT")) {
        return json;
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("the run never waited to retry");
  }
}
