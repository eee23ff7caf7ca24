package io.stepwise.internal.snapshot;

import io.stepwise.Event;
import io.stepwise.SaveFailurePolicy;
import io.stepwise.Snapshot;
import io.stepwise.WorkflowException;
import io.stepwise.internal.children.ChildImage;
import io.stepwise.internal.children.ChildSnapshots;
import io.stepwise.internal.children.ExecutionChildren;
import io.stepwise.internal.loop.LoopImage;
import io.stepwise.internal.state.RunData;
import io.stepwise.internal.timers.SharedTimers;
import io.stepwise.spi.CodecRegistry;
import io.stepwise.spi.StepDescriptor;
import io.stepwise.store.RunStoreException;
import io.stepwise.store.StaleRunException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;

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
  private final SaveFailurePolicy policy;
  private long taken; // checkpoints taken so far; the loop's thread only
  private volatile RuntimeException lastFailure; // the last save that failed, for the result
  private volatile boolean finalSaved;
  // Snapshot requests waiting for the loop, made on the first: most runs never take one.
  private Map<Long, CompletableFuture<Snapshot>> pending;
  private long requests;
  private StoreCheckpointing store; // set before the first tick, or never
  private ChildSnapshots.Resumed resumed; // touched by the loop's thread only; null once every child was handed out

  /**
   * @param checkpoints gets a snapshot after each completed step and each new wait, or null for none
   * @param policy what a failed save does to the run
   * @param saveTimeout how long one save may take
   */
  public RunCapture(String workflow, String graphHash, CodecRegistry codecs, List<StepDescriptor> steps,
      String runId, Consumer<Snapshot> checkpoints, SaveFailurePolicy policy, Duration saveTimeout) {
    this.workflow = workflow;
    this.steps = steps;
    this.graphHash = graphHash;
    this.codecs = codecs;
    this.checkpoints = checkpoints;
    this.policy = policy;
    this.sink = checkpoints == null ? null : new CheckpointSink(runId, saveTimeout, SharedTimers.INSTANCE);
  }

  /** For a run that takes no snapshots: its {@code snapshot()} says so. */
  public static final RunCapture NONE = new RunCapture("", null, null, List.of(), "", null, SaveFailurePolicy.FAIL_RUN,
      Duration.ofSeconds(1));

  /**
   * Where failed saves go: {@code failed} gets the error and whether it must stop the run (its
   * policy says so, or another process took the run over). Call before the first tick.
   */
  public void reportFailuresTo(BiConsumer<RuntimeException, Boolean> failed) {
    if (sink != null) {
      sink.reportFailuresTo(cause -> {
        RuntimeException error = cause instanceof RunStoreException stored ? stored : new RunStoreException(
            "A checkpoint of workflow '" + workflow + "' was not saved: " + cause, cause);
        lastFailure = error;
        failed.accept(error, error instanceof StaleRunException || policy == SaveFailurePolicy.FAIL_RUN);
      });
    }
  }

  /** Whether the run saves to a run store, so questions wait for their checkpoint to be saved. */
  public boolean storing() {
    return store != null;
  }

  /** How many checkpoints were taken so far; the loop's thread only. */
  public long checkpointsTaken() {
    return taken;
  }

  public boolean enabled() {
    return codecs != null;
  }

  public boolean checkpointing() {
    return sink != null;
  }

  /** Registers a request; the loop answers it through {@link #answer}. */
  public synchronized long request(CompletableFuture<Snapshot> answer) {
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
  public void answer(long request, RunData data, String runId, long streamPosition, LoopImage loop,
      LongFunction<Duration> retryLeft, LongFunction<ExecutionChildren> children, Duration elapsed) {
    CompletableFuture<Snapshot> answer = take(request);
    if (answer != null) {
      RunImage image = image(data, runId, streamPosition, loop, retryLeft, elapsed, false);
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

  /**
   * Hands a checkpoint to the consumer, off the loop's thread (which waits for the children's
   * snapshots), and reports its number to {@code saved} once the consumer took it.
   */
  public void checkpoint(RunData data, String runId, long streamPosition, LoopImage loop,
      LongFunction<Duration> retryLeft, LongFunction<ExecutionChildren> children, Duration elapsed, LongConsumer saved) {
    RunImage image = image(data, runId, streamPosition, loop, retryLeft, elapsed, false);
    CompletableFuture<List<ChildImage>> childImages = ChildSnapshots.of(loop, children);
    long number = ++taken;
    sink.save(() -> {
      checkpoints.accept(snapshot(image, childImages.join()));
      saved.accept(number);
    });
  }

  /** The children a resumed run's executions resume instead of starting new ones; call before the first tick. */
  public void resumeChildren(RunImage image) {
    resumed = ChildSnapshots.Resumed.of(image.loop().executions(), image.children());
  }

  /** Whether executions may still be handed children a resumed run's snapshot recorded; the loop's thread only. */
  public boolean resumesChildren() {
    return resumed != null;
  }

  /** Gives a starting execution the children the snapshot recorded for it, if any; see {@link #resumesChildren}. */
  public void handChildren(int step, Event[] events, ExecutionChildren into) {
    ChildSnapshots.Resumed pending = resumed;
    if (pending != null) {
      pending.handTo(step, events, into);
      if (pending.isEmpty()) {
        resumed = null;
      }
    }
  }

  /** Saves the run's final status to {@code store} when it ends, before its result completes. */
  public void storeTo(StoreCheckpointing store) {
    this.store = store;
  }

  /** The run ended: queues the save of its final status behind its last checkpoint. */
  public void saveFinalStatus(boolean finished) {
    if (store != null) {
      sink.save(() -> {
        store.saveFinalStatus(finished);
        finalSaved = true;
      });
    }
  }

  /**
   * What the result of a run that ended well must throw instead because the store did not record
   * its end, or null: the last save failure, when the final status was not saved and the policy
   * does not let the run go on without it.
   */
  public RuntimeException unsavedEnd(String runId) {
    RuntimeException failure = lastFailure;
    if (store == null || finalSaved || (policy == SaveFailurePolicy.CONTINUE && !(failure instanceof StaleRunException))) {
      return null;
    }
    if (failure instanceof StaleRunException stale) {
      return stale;
    }
    return new RunStoreException("Run " + runId + " of workflow '" + workflow + "' ended, but the run store did not"
        + " record its end, so it may be resumed and run again: " + (failure == null ? "the save did not finish"
        : failure.getMessage()), failure);
  }

  /**
   * Runs {@code task} once every checkpoint queued so far was delivered (at once without
   * checkpoints, and never later than a save's deadline).
   */
  public void afterCheckpoints(Runnable task) {
    if (sink == null) {
      task.run();
    } else {
      sink.then(task);
    }
  }

  /** The run ended: requests still waiting for the loop get the snapshot of the ended run instead. */
  public void ended(Supplier<Snapshot> endSnapshot) {
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
    Snapshot ended;
    try {
      ended = endSnapshot.get();
    } catch (RuntimeException e) {
      waiting.forEach(answer -> answer.completeExceptionally(e));
      return;
    }
    waiting.forEach(answer -> answer.complete(ended));
  }

  /**
   * A snapshot of a run that ended: its state and store as they were left, nothing in flight, for a
   * new run to continue from ({@code RunOptions.continueFrom(Snapshot)}).
   *
   * @param elapsed the run's time alive, over all its resumes, until it ended
   */
  public Snapshot ended(RunData data, String runId, long streamPosition, Duration elapsed) {
    return snapshot(image(data, runId, streamPosition, LoopImage.EMPTY, key -> Duration.ZERO, elapsed, true),
        List.of());
  }

  private Snapshot snapshot(RunImage image, List<ChildImage> children) {
    RunImage whole = children.isEmpty() ? image : image.withChildren(children);
    return Snapshots.of(whole, codecs, steps);
  }

  /** The run's image at the loop's cut, without its children; reads the state and store under the data lock. */
  private RunImage image(RunData data, String runId, long streamPosition, LoopImage loop,
      LongFunction<Duration> retryLeft, Duration elapsed, boolean finished) {
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
    return new RunImage(workflow, graphHash, runId, streamPosition, state[0], store[0], timed, List.of(), elapsed,
        finished);
  }

  @SuppressWarnings("unchecked") // an array of a generic type, filled once right after
  private static Map<String, Object>[] newStoreHolder() {
    return (Map<String, Object>[]) new Map<?, ?>[1];
  }
}
