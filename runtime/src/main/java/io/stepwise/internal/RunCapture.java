package io.stepwise.internal;

import io.stepwise.Event;
import io.stepwise.Snapshot;
import io.stepwise.WorkflowException;
import io.stepwise.spi.CodecRegistry;
import io.stepwise.spi.StepDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * A run's snapshots: answers the caller's requests with a consistent cut the loop takes between
 * two ticks, and hands a checkpoint to the run's checkpoint consumer after each completed step.
 */
public final class RunCapture {
  private final String workflow;
  private final String graphHash;
  private final CodecRegistry codecs;
  private final List<StepDescriptor> steps;
  private final Consumer<Snapshot> checkpoints;
  private final CheckpointSink sink;
  // Snapshot requests waiting for the loop, made on the first: most runs never take one.
  private Map<Long, CompletableFuture<Snapshot>> pending;
  private long requests;
  private StoreCheckpointing store; // set before the first tick, or never
  private ResumedChildren resumed; // touched by the loop's thread only; null once every child was handed out

  /** @param checkpoints gets a snapshot after each completed step, or null for none */
  public RunCapture(String workflow, String graphHash, CodecRegistry codecs, List<StepDescriptor> steps,
      String runId, Consumer<Snapshot> checkpoints) {
    this.workflow = workflow;
    this.steps = steps;
    this.graphHash = graphHash;
    this.codecs = codecs;
    this.checkpoints = checkpoints;
    this.sink = checkpoints == null ? null : new CheckpointSink(runId);
  }

  /** For a run that takes no snapshots: its {@code snapshot()} says so. */
  static final RunCapture NONE = new RunCapture("", null, null, List.of(), "", null);

  boolean enabled() {
    return codecs != null;
  }

  boolean checkpointing() {
    return sink != null;
  }

  /** Registers a request; the loop answers it through {@link #answer}. */
  synchronized long request(CompletableFuture<Snapshot> answer) {
    if (pending == null) {
      pending = new HashMap<>(4);
    }
    long id = ++requests;
    pending.put(id, answer);
    return id;
  }

  private synchronized CompletableFuture<Snapshot> take(long request) {
    return pending == null ? null : pending.remove(request);
  }

  /**
   * Completes request {@code request} with a snapshot of this cut, once the child runs of its
   * executions answered with theirs (at once when there are none).
   *
   * @param children the child runs of the execution under a loop key, or null
   */
  void answer(long request, RunData data, String runId, long streamPosition, LoopImage loop,
      LongFunction<Duration> retryLeft, LongFunction<ChildRuns> children) {
    CompletableFuture<Snapshot> answer = take(request);
    if (answer != null) {
      RunImage image = image(data, runId, streamPosition, loop, retryLeft);
      ChildSnapshots.of(loop, children).whenComplete((taken, error) -> {
        if (error != null) {
          answer.completeExceptionally(error instanceof CompletionException wrapped && wrapped.getCause() != null
              ? wrapped.getCause() : error);
        } else {
          answer.complete(snapshot(image, taken));
        }
      });
    }
  }

  /** Hands a checkpoint to the consumer, off the loop's thread (which waits for the children's snapshots). */
  void checkpoint(RunData data, String runId, long streamPosition, LoopImage loop,
      LongFunction<Duration> retryLeft, LongFunction<ChildRuns> children) {
    RunImage image = image(data, runId, streamPosition, loop, retryLeft);
    CompletableFuture<List<ChildImage>> taken = ChildSnapshots.of(loop, children);
    sink.offer(() -> checkpoints.accept(snapshot(image, taken.join())));
  }

  /** The children a resumed run's executions resume instead of starting new ones; call before the first tick. */
  public void resumeChildren(RunImage image) {
    resumed = ResumedChildren.of(image);
  }

  /** Gives a starting execution the children the snapshot recorded for it, if any. */
  void handChildren(int step, Event[] events, StepExecution into) {
    ResumedChildren pending = resumed;
    if (pending != null) {
      pending.handTo(step, events, into.children());
      if (pending.isEmpty()) {
        resumed = null;
      }
    }
  }

  /** Saves the run's final status to {@code store} when it ends, before its result completes. */
  public void storeTo(StoreCheckpointing store) {
    this.store = store;
  }

  /** The run ended; called after its last checkpoint and before its result completes. */
  void saveFinalStatus(boolean finished) {
    if (store != null) {
      store.saveFinalStatus(finished);
    }
  }

  /** Runs {@code task} once every checkpoint queued so far was delivered (at once without checkpoints). */
  void afterCheckpoints(Runnable task) {
    if (sink == null) {
      task.run();
    } else {
      sink.offer(task);
    }
  }

  /** The run ended: requests still waiting for the loop get an exception instead. */
  void ended(String runId) {
    if (!enabled()) {
      return; // never took a request; NONE is shared by runs, so it is not locked either
    }
    List<CompletableFuture<Snapshot>> waiting;
    synchronized (this) {
      if (pending == null || pending.isEmpty()) {
        return;
      }
      waiting = List.copyOf(pending.values());
      pending.clear();
    }
    waiting.forEach(answer -> answer.completeExceptionally(finished(runId)));
  }

  IllegalStateException finished(String runId) {
    return new IllegalStateException("Run " + runId + " of workflow '" + workflow
        + "' has already finished; take snapshots of a running or paused run");
  }

  private Snapshot snapshot(RunImage image, List<ChildImage> children) {
    RunImage whole = children.isEmpty() ? image : new RunImage(image.workflow(), image.graphHash(), image.runId(),
        image.streamPosition(), image.state(), image.store(), image.loop(), children);
    return Snapshot.of(whole, codecs, steps);
  }

  /** The run's image at the loop's cut, without its children; reads the state and store under the data lock. */
  private RunImage image(RunData data, String runId, long streamPosition, LoopImage loop,
      LongFunction<Duration> retryLeft) {
    List<LoopImage.ExecutionImage> executions = new ArrayList<>(loop.executions().size());
    for (LoopImage.ExecutionImage execution : loop.executions()) {
      executions.add(execution.retryIn() == null ? execution
          : execution.withRetryIn(retryLeft.apply(execution.key())));
    }
    LoopImage timed = new LoopImage(loop.steps(), executions, loop.waiters());
    Object[] state = new Object[1];
    Map<String, Object>[] store = newStoreHolder();
    data.withLock(() -> {
      state[0] = data.currentState();
      store[0] = data.storeEntries();
    });
    if (codecs == null) {
      throw new WorkflowException("Workflow '" + workflow + "' cannot take snapshots");
    }
    return new RunImage(workflow, graphHash, runId, streamPosition, state[0], store[0], timed);
  }

  @SuppressWarnings("unchecked") // an array of a generic type, filled once right after
  private static Map<String, Object>[] newStoreHolder() {
    return (Map<String, Object>[]) new Map<?, ?>[1];
  }
}
