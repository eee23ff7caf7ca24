package io.stepwise.server;

import io.stepwise.WorkflowHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A run this server process holds in memory: its handler, the log its clients stream from, the
 * handler record it ends with, whether any client has streamed it yet, and what the idle release
 * needs (whether it rests, when it was last active, who holds it, whether a release was asked).
 */
final class LiveRun {
  private final String handlerId;
  private final String runId;
  private final HostedWorkflow<?, ?> workflow;
  private final WorkflowHandler<?> handler;
  private final RunLog log;
  private final CompletableFuture<HandlerRecord> ended = new CompletableFuture<>();
  /** Completed when its pump stops: true when the run was released from memory, false when it ended. */
  private final CompletableFuture<Boolean> gone = new CompletableFuture<>();
  private final AtomicBoolean streamed;
  /** Requests that wait for its end (a {@code POST /run}): a run with one is not released. */
  private final AtomicInteger holds = new AtomicInteger();
  private volatile long lastActiveNanos = System.nanoTime();
  /** Whether it announced that it rests (a {@code WorkflowIdleEvent}) and nothing since said otherwise. */
  private volatile boolean resting;
  /** Set while the server asks the run to let go: completes with the run's answer. */
  private volatile CompletableFuture<Boolean> releaseAnswer;

  LiveRun(String handlerId, String runId, HostedWorkflow<?, ?> workflow, WorkflowHandler<?> handler, RunLog log,
      boolean streamed) {
    this.handlerId = handlerId;
    this.runId = runId;
    this.workflow = workflow;
    this.handler = handler;
    this.log = log;
    this.streamed = new AtomicBoolean(streamed);
  }

  String handlerId() {
    return handlerId;
  }

  /** Its run's id: its handler's, unless the handler continues a finished one (then a run of its own). */
  String runId() {
    return runId;
  }

  HostedWorkflow<?, ?> workflow() {
    return workflow;
  }

  WorkflowHandler<?> handler() {
    return handler;
  }

  RunLog log() {
    return log;
  }

  CompletableFuture<HandlerRecord> ended() {
    return ended;
  }

  CompletableFuture<Boolean> gone() {
    return gone;
  }

  AtomicBoolean streamed() {
    return streamed;
  }

  void hold() {
    holds.incrementAndGet();
  }

  void unhold() {
    holds.decrementAndGet();
    touch();
  }

  boolean held() {
    return holds.get() > 0;
  }

  /** Something happened to the run (an event in or out): its idle time starts again. */
  void touch() {
    lastActiveNanos = System.nanoTime();
  }

  /** It announced a rest: the idle release may ask it to let go once it stayed quiet for the idle time. */
  void rests() {
    resting = true;
    touch();
  }

  /**
   * It is not known to rest any more (an event was sent to it, or it refused to let go): it is not
   * asked again until it announces its next rest.
   */
  void busy() {
    resting = false;
  }

  boolean resting() {
    return resting;
  }

  long idleNanos(long now) {
    return now - lastActiveNanos;
  }

  CompletableFuture<Boolean> releaseAnswer() {
    return releaseAnswer;
  }

  void releaseAnswer(CompletableFuture<Boolean> answer) {
    this.releaseAnswer = answer;
  }
}
