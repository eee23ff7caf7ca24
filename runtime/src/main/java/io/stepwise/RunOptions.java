package io.stepwise;

import io.stepwise.observe.RunObserver;
import io.stepwise.store.Checkpoint;
import io.stepwise.store.RunStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Per-run settings that override the workflow's compiled defaults. Made with {@link #builder()}
 * (or changed one at a time with the {@code withXxx} methods); every setting left out keeps the
 * default its builder method documents.
 *
 * <pre>{@code
 * RunOptions options = RunOptions.builder().timeout(Duration.ofMinutes(5)).runStore(store).build();
 * }</pre>
 */
public final class RunOptions {
  /** Events a run's stream buffers for its reader by default. */
  public static final int DEFAULT_STREAM_CAPACITY = 4096;
  /** How long a run waits for one call of its run store by default. */
  public static final Duration DEFAULT_RUN_STORE_TIMEOUT = Duration.ofSeconds(30);

  private static final RunOptions DEFAULTS = new Builder().build();

  private final Duration timeout;
  private final boolean stepStateEvents;
  private final boolean idleEvents;
  private final boolean verbose;
  private final WorkflowHandler<?> continueFrom;
  private final Snapshot continueFromSnapshot;
  private final Consumer<Snapshot> checkpoints;
  private final RunStore runStore;
  private final boolean trace;
  private final int streamCapacity;
  private final StreamOverflow streamOverflow;
  private final SaveFailurePolicy saveFailures;
  private final Duration runStoreTimeout;
  private final String runId;
  private final List<RunObserver> observers;

  private RunOptions(Builder builder) {
    this.timeout = builder.timeout;
    this.stepStateEvents = builder.stepStateEvents;
    this.idleEvents = builder.idleEvents;
    this.verbose = builder.verbose;
    this.continueFrom = builder.continueFrom;
    this.continueFromSnapshot = builder.continueFromSnapshot;
    this.checkpoints = builder.checkpoints;
    this.runStore = builder.runStore;
    this.trace = builder.trace;
    this.streamCapacity = builder.streamCapacity;
    this.streamOverflow = builder.streamOverflow;
    this.saveFailures = builder.saveFailures;
    this.runStoreTimeout = builder.runStoreTimeout;
    this.runId = builder.runId;
    this.observers = List.copyOf(builder.observers);
  }

  /** Options that change nothing. */
  public static RunOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The run timeout; null keeps the workflow's {@code @Workflow(timeout)}, {@link Duration#ZERO} means none. */
  public Duration timeout() {
    return timeout;
  }

  /** Whether {@link StepStateChanged} events are published on the stream. */
  public boolean stepStateEvents() {
    return stepStateEvents;
  }

  /** Whether a {@link WorkflowIdleEvent} is published each time the run comes to rest. */
  public boolean idleEvents() {
    return idleEvents;
  }

  /** Whether step starts and ends are logged at INFO. */
  public boolean verbose() {
    return verbose;
  }

  /** The finished run whose state and store this run starts from, or null. */
  public WorkflowHandler<?> continueFrom() {
    return continueFrom;
  }

  /** The snapshot of a finished run whose state and store this run starts from, or null. */
  public Snapshot continueFromSnapshot() {
    return continueFromSnapshot;
  }

  /** The consumer of the run's checkpoints, or null. */
  public Consumer<Snapshot> checkpoints() {
    return checkpoints;
  }

  /** The run store the run is checkpointed to, or null. */
  public RunStore runStore() {
    return runStore;
  }

  /** Whether the run records an {@link io.stepwise.graph.ExecutionTrace}. */
  public boolean trace() {
    return trace;
  }

  /** How many unread events the stream holds before {@link #streamOverflow()} applies. */
  public int streamCapacity() {
    return streamCapacity;
  }

  /** What the stream does when {@link #streamCapacity()} unread events wait. */
  public StreamOverflow streamOverflow() {
    return streamOverflow;
  }

  /** What the run does when its store cannot save a checkpoint. */
  public SaveFailurePolicy saveFailures() {
    return saveFailures;
  }

  /** How long the run waits for one call of its run store before counting it as failed. */
  public Duration runStoreTimeout() {
    return runStoreTimeout;
  }

  /** The run id the caller chose, or null for a generated one. */
  public String runId() {
    return runId;
  }

  /** The run's observers, in the order they were added; empty for none. */
  public List<RunObserver> observers() {
    return observers;
  }

  /** These options with another run timeout ({@link Duration#ZERO} for none). */
  public RunOptions withTimeout(Duration timeout) {
    return toBuilder().timeout(timeout).build();
  }

  /** These options with step state changes published on the stream, or not. */
  public RunOptions withStepStateEvents(boolean enabled) {
    return toBuilder().stepStateEvents(enabled).build();
  }

  /** These options with a {@link WorkflowIdleEvent} published each time the run comes to rest, or not. */
  public RunOptions withIdleEvents(boolean enabled) {
    return toBuilder().idleEvents(enabled).build();
  }

  /** These options with step starts and ends logged at INFO, or not logged. */
  public RunOptions withVerbose(boolean enabled) {
    return toBuilder().verbose(enabled).build();
  }

  /** These options continuing from a finished run; see {@link Builder#continueFrom}. */
  public RunOptions continueFrom(WorkflowHandler<?> previous) {
    return toBuilder().continueFrom(previous).build();
  }

  /** These options continuing from a finished run's snapshot; see {@link Builder#continueFrom(Snapshot)}. */
  public RunOptions continueFrom(Snapshot finished) {
    return toBuilder().continueFrom(finished).build();
  }

  /** These options with a checkpoint consumer; see {@link Builder#checkpoints}. */
  public RunOptions withCheckpoints(Consumer<Snapshot> checkpoints) {
    return toBuilder().checkpoints(checkpoints).build();
  }

  /** These options with a run store; see {@link Builder#runStore}. */
  public RunOptions withRunStore(RunStore runStore) {
    return toBuilder().runStore(runStore).build();
  }

  /** These options with an execution trace recorded for {@link WorkflowHandler#trace()}, or not. */
  public RunOptions withTrace(boolean enabled) {
    return toBuilder().trace(enabled).build();
  }

  @Override
  public String toString() {
    return "RunOptions[timeout=" + timeout + ", stepStateEvents=" + stepStateEvents + ", idleEvents=" + idleEvents
        + ", verbose=" + verbose
        + ", continueFrom=" + (continueFrom != null ? continueFrom.runId()
            : continueFromSnapshot != null ? continueFromSnapshot.runId() : null) + ", checkpoints="
        + (checkpoints != null) + ", runStore=" + runStore + ", trace=" + trace + ", streamCapacity=" + streamCapacity
        + ", streamOverflow=" + streamOverflow + ", saveFailures=" + saveFailures + ", runStoreTimeout="
        + runStoreTimeout + ", runId=" + runId + ", observers=" + observers + "]";
  }

  /** Builds {@link RunOptions}; each setting's default is the one documented on its method. */
  public static final class Builder {
    private Duration timeout;
    private boolean stepStateEvents;
    private boolean idleEvents;
    private boolean verbose;
    private WorkflowHandler<?> continueFrom;
    private Snapshot continueFromSnapshot;
    private Consumer<Snapshot> checkpoints;
    private RunStore runStore;
    private boolean trace;
    private int streamCapacity = DEFAULT_STREAM_CAPACITY;
    private StreamOverflow streamOverflow = StreamOverflow.DROP_OLDEST;
    private SaveFailurePolicy saveFailures = SaveFailurePolicy.FAIL_RUN;
    private Duration runStoreTimeout = DEFAULT_RUN_STORE_TIMEOUT;
    private String runId;
    private final List<RunObserver> observers = new ArrayList<>(0);

    private Builder() {}

    private Builder(RunOptions from) {
      timeout = from.timeout;
      stepStateEvents = from.stepStateEvents;
      idleEvents = from.idleEvents;
      verbose = from.verbose;
      continueFrom = from.continueFrom;
      continueFromSnapshot = from.continueFromSnapshot;
      checkpoints = from.checkpoints;
      runStore = from.runStore;
      trace = from.trace;
      streamCapacity = from.streamCapacity;
      streamOverflow = from.streamOverflow;
      saveFailures = from.saveFailures;
      runStoreTimeout = from.runStoreTimeout;
      runId = from.runId;
      observers.addAll(from.observers);
    }

    /**
     * The run timeout, {@link Duration#ZERO} for none. Default: the workflow's
     * {@code @Workflow(timeout)}. It bounds the run's time alive over all its resumes: a resumed
     * run has this timeout minus {@link Snapshot#elapsed()} left (and times out at once when
     * nothing is left). Time a run spends queued behind {@code numConcurrentRuns}, or out of memory
     * between its snapshot and its resume, does not count.
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** Whether {@link StepStateChanged} events are published on the stream. Default: no. */
    public Builder stepStateEvents(boolean enabled) {
      this.stepStateEvents = enabled;
      return this;
    }

    /**
     * Whether a {@link WorkflowIdleEvent} is published each time the run comes to rest waiting for
     * the outside (the Python library's internal {@code WorkflowIdleEvent}; a server uses it to
     * release idle runs from memory). Default: no.
     */
    public Builder idleEvents(boolean enabled) {
      this.idleEvents = enabled;
      return this;
    }

    /**
     * Whether step starts and ends are logged at INFO on the {@code System.Logger} named
     * {@code io.stepwise} (also on for every run with {@code -Dstepwise.verbose=true}). Default: no.
     */
    public Builder verbose(boolean enabled) {
      this.verbose = enabled;
      return this;
    }

    /**
     * The run starts from the state and store of {@code previous}, a finished run of the same
     * workflow (Python's {@code run(ctx=ctx)}). Replaces a {@link #continueFrom(Snapshot)} given
     * before. Default: a fresh state and store.
     */
    public Builder continueFrom(WorkflowHandler<?> previous) {
      this.continueFrom = Objects.requireNonNull(previous, "previous");
      this.continueFromSnapshot = null;
      return this;
    }

    /**
     * The run starts from the state and store recorded in {@code finished}, the snapshot of a
     * finished run of the same workflow ({@link WorkflowHandler#snapshot()} after its end, possibly
     * written with {@link Snapshot#toJson()} and read back in another process): Python's
     * {@code run(ctx=Context.from_dict(...))}. The new run has its own id and a whole run timeout.
     * The snapshot is checked and decoded when the run starts. Replaces a
     * {@link #continueFrom(WorkflowHandler)} given before. Default: a fresh state and store.
     */
    public Builder continueFrom(Snapshot finished) {
      this.continueFromSnapshot = Objects.requireNonNull(finished, "finished");
      this.continueFrom = null;
      return this;
    }

    /**
     * {@code checkpoints} is called with a {@link Snapshot} of the run after each completed step
     * and each new wait: in order, one at a time, on a thread of its own, never inside the control
     * loop. The run's result completes only after the last checkpoint was handed over. A consumer
     * that throws is handled as {@link #saveFailures} says. Default: none.
     */
    public Builder checkpoints(Consumer<Snapshot> checkpoints) {
      this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
      return this;
    }

    /**
     * The run is checkpointed to {@code runStore} after each completed step and each new wait (as
     * {@link #checkpoints}, beside any consumer given there), and its final status saved when it
     * ends, so that {@link CompiledWorkflow#resume(String, RunStore)} can resume it in another
     * process. An input-required event reaches the stream only once the checkpoint that holds it
     * is saved. See docs/durability.md. Default: none.
     */
    public Builder runStore(RunStore runStore) {
      this.runStore = Objects.requireNonNull(runStore, "runStore");
      return this;
    }

    /** Whether the run records an {@link io.stepwise.graph.ExecutionTrace}. Default: no. */
    public Builder trace(boolean enabled) {
      this.trace = enabled;
      return this;
    }

    /**
     * The stream holds at most {@code capacity} unread events; then {@code overflow} applies.
     * Default: {@link #DEFAULT_STREAM_CAPACITY} events, {@link StreamOverflow#DROP_OLDEST}.
     */
    public Builder streamBuffer(int capacity, StreamOverflow overflow) {
      if (capacity < 1) {
        throw new IllegalArgumentException("stream capacity must be at least 1, was " + capacity);
      }
      this.streamCapacity = capacity;
      this.streamOverflow = Objects.requireNonNull(overflow, "overflow");
      return this;
    }

    /** What the run does when a checkpoint cannot be saved. Default: {@link SaveFailurePolicy#FAIL_RUN}. */
    public Builder saveFailures(SaveFailurePolicy policy) {
      this.saveFailures = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * How long the run waits for one call of its run store or checkpoint consumer; a call that
     * takes longer counts as a failed save, and the run's result never waits longer than this for
     * its store once the run ended. Default: 30 seconds.
     */
    public Builder runStoreTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("run store timeout must be positive, was " + timeout);
      }
      this.runStoreTimeout = timeout;
      return this;
    }

    /**
     * The run's id, chosen by the caller: 1 to 200 characters, no control characters. With a
     * {@link #runStore}, it is an idempotency key: starting a run whose id the store already holds
     * throws instead of running it twice. Resuming keeps a run's id, so this is for new runs only.
     * Default: a random id (a UUID).
     */
    public Builder runId(String runId) {
      this.runId = Checkpoint.requireRunId(runId);
      return this;
    }

    /**
     * Adds an observer of the run (see {@link RunObserver}); call again to add more, which are
     * called in the order they were added, after those every run has (listed in
     * {@code META-INF/services/io.stepwise.observe.RunObserver}). Child runs its steps start with
     * {@code ctx.runChild} get the same observers. Default: none.
     */
    public Builder observer(RunObserver observer) {
      this.observers.add(Objects.requireNonNull(observer, "observer"));
      return this;
    }

    public RunOptions build() {
      return new RunOptions(this);
    }
  }
}
