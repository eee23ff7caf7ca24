package io.stepwise.internal.children;

import io.stepwise.Event;
import io.stepwise.Snapshot;
import io.stepwise.WorkflowHandler;
import java.util.concurrent.CompletableFuture;

/**
 * A child run this process drives, as its parent sees it: beyond a {@link WorkflowHandler}, it
 * takes events from outside for its steps or its own children, and answers a snapshot without
 * blocking the parent. The runtime's handle implements it; a child of another kind is only a handler.
 */
public interface LocalRun {
  /**
   * Delivers an event from outside to the run's steps that accept it, else to its own children.
   *
   * @return whether some step or child took it
   */
  boolean offer(Event event);

  /** Its own child runs in flight. */
  RunChildren children();

  /** A snapshot its loop answers later. */
  CompletableFuture<Snapshot> snapshotLater();

  /** Whether it waits for a slot of its workflow's {@code numConcurrentRuns}. */
  boolean isQueued();
}
