package io.stepwise;

import io.stepwise.graph.WorkflowGraph;
import io.stepwise.internal.execution.StepInvoker;
import io.stepwise.internal.loop.RetryPolicies;
import io.stepwise.internal.loop.Routing;
import io.stepwise.internal.loop.Tick;
import io.stepwise.internal.observe.InstalledObservers;
import io.stepwise.internal.run.LiveRuns;
import io.stepwise.internal.run.RunDriver;
import io.stepwise.internal.run.RunHandle;
import io.stepwise.internal.run.RunIds;
import io.stepwise.internal.run.RunSlots;
import io.stepwise.internal.snapshot.RunCapture;
import io.stepwise.internal.snapshot.RunImage;
import io.stepwise.internal.snapshot.SnapshotReader;
import io.stepwise.internal.snapshot.StoreCheckpointing;
import io.stepwise.internal.state.RunData;
import io.stepwise.internal.state.StateSupport;
import io.stepwise.internal.timers.SharedTimers;
import io.stepwise.internal.trace.ExecutionRecorder;
import io.stepwise.observe.ObservedRun;
import io.stepwise.observe.RunObserver;
import io.stepwise.spi.ResourceCache;
import io.stepwise.spi.WorkflowDefinition;
import io.stepwise.store.Checkpoint;
import io.stepwise.store.RunStatus;
import io.stepwise.store.RunStore;
import io.stepwise.store.StoredRun;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A workflow bound to an instance of its class, ready to run. Obtain one from the generated
 * {@code Foo_Workflow.of(foo)}.
 *
 * @param <S> the start event type
 * @param <R> the stop event type
 */
public final class CompiledWorkflow<S extends StartEvent, R extends StopEvent> {
  private final WorkflowDefinition<?, S, R> definition;
  private final StepInvoker invoker;
  private final RetryPolicies retryPolicies; // the steps' @Retry, or the policies the instance provides
  private final Routing routing; // built once, shared by every run
  private final StateSupport state;
  private final String graphHash;
  private final RunSlots slots; // null: no numConcurrentRuns limit
  private volatile WorkflowJson json; // on first use: a workflow that never touches JSON loads no Jackson

  private CompiledWorkflow(WorkflowDefinition<?, S, R> definition, StepInvoker invoker,
      RetryPolicies retryPolicies, int numConcurrentRuns) {
    this.definition = definition;
    this.invoker = invoker;
    this.retryPolicies = retryPolicies;
    this.routing = new Routing(definition.name(), definition.steps());
    this.state = definition.stateType() == null
        ? StateSupport.NONE
        : new StateSupport(definition.stateType(), definition::newState, this::copyState);
    this.graphHash = definition.graphHash();
    this.slots = numConcurrentRuns == 0 ? null : new RunSlots(numConcurrentRuns);
  }

  /**
   * A copy for {@code editState} to work on: field by field when the generated code can, else
   * through the state's JSON codec (every state type has one), so an edit that throws never leaves
   * a half-edited state behind.
   */
  private Object copyState(Object current) {
    Object copy = definition.copyState(current);
    if (copy != null || definition.codecs().state().isEmpty()) {
      return copy;
    }
    WorkflowJson codec = json();
    return codec.readState(codec.writeState(current));
  }

  /** Binds a generated definition to the workflow instance whose step methods it calls. */
  public static <T, S extends StartEvent, R extends StopEvent> CompiledWorkflow<S, R> of(
      WorkflowDefinition<T, S, R> definition, T target) {
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(target, "target");
    // Resources are cached per compiled workflow: one cache for every run of this instance.
    var resources = new ResourceCache(definition.cachedResources());
    return new CompiledWorkflow<>(definition,
        (step, events, context) -> definition.invoke(target, step, events, context, resources),
        new RetryPolicies(step -> definition.retryPolicy(target, step, resources)),
        checkedLimit(definition.numConcurrentRuns(), "@Workflow(numConcurrentRuns) of '" + definition.name() + "'"));
  }

  /**
   * This workflow, on the same instance, with another {@code numConcurrentRuns}: at most
   * {@code numConcurrentRuns} of the returned workflow's runs (new, resumed and child runs alike)
   * run at once, and the others wait in FIFO order for one to end; 0 for no limit. The returned
   * workflow keeps its own count, apart from this one's (as Python's limit is per workflow
   * instance), so share it rather than calling this per run.
   *
   * @throws IllegalArgumentException when {@code numConcurrentRuns} is negative
   */
  public CompiledWorkflow<S, R> withNumConcurrentRuns(int numConcurrentRuns) {
    return new CompiledWorkflow<>(definition, invoker, retryPolicies, checkedLimit(numConcurrentRuns, "numConcurrentRuns"));
  }

  /**
   * How many runs of this compiled workflow may run at once ({@code @Workflow(numConcurrentRuns)} or
   * {@link #withNumConcurrentRuns}); 0 for no limit.
   */
  public int numConcurrentRuns() {
    return slots == null ? 0 : slots.limit();
  }

  private static int checkedLimit(int limit, String what) {
    if (limit < 0) {
      throw new IllegalArgumentException(what + " must be 0 (no limit) or more, was " + limit);
    }
    return limit;
  }

  /** Starts a run with the workflow's default options. */
  public WorkflowHandler<R> run(S start) {
    return run(start, RunOptions.defaults());
  }

  /**
   * Starts a run. When {@link #numConcurrentRuns()} of this workflow's runs are running, the run
   * waits for one to end (FIFO) and the handler is returned at once: see docs/dsl.md.
   *
   * @throws IllegalStateException when {@code options} name a run id and a store that already
   *     holds a run of that id
   */
  public WorkflowHandler<R> run(S start, RunOptions options) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(options, "options");
    RunData data = options.continueFrom() != null ? continued(options.continueFrom())
        : options.continueFromSnapshot() != null ? continued(options.continueFromSnapshot())
        : RunData.fresh(definition.name(), state, routing::isOwnEvent);
    String runId = options.runId() != null ? options.runId() : RunIds.next();
    if (options.runId() != null && options.runStore() != null) {
      options.runStore().load(runId).ifPresent(existing -> {
        throw new IllegalStateException("Run '" + runId + "' already exists in the run store (workflow '"
            + existing.checkpoint().workflow() + "', " + existing.status() + "), so it was not started again; resume"
            + " it with resume(\"" + runId + "\", store), or start the new run under another id");
      });
    }
    RunDriver<R> run = driver(runId, options, data, null, null);
    var handle = new RunHandle<>(run);
    run.start(new Tick.Started(start), slots);
    return handle;
  }

  /** Resumes a run from a snapshot with the workflow's default options. */
  public WorkflowHandler<R> resume(Snapshot snapshot) {
    return resume(snapshot, RunOptions.defaults());
  }

  /**
   * Resumes a run from a snapshot: its state, store and buffers are restored, the executions that
   * were in flight run again (at-least-once), retry delays wait out what was left, and the run
   * timeout goes on with what the run had left ({@link Snapshot#elapsed()}: only the time it was
   * alive counts, not the time between the snapshot and this call). The run keeps its id. Nothing runs unless the whole snapshot decodes. What an
   * execution in flight had done before the cut (sends, stream writes, collect answers, waits) is
   * replayed, not done again, and a wait that was open at the cut keeps the events of its type sent
   * from now on until the re-run opens it again, so an answer may be sent right after this call.
   * An execution that was waiting for a child run resumes that child, from the child's own
   * snapshot, when it calls {@code runChild} again (see docs/child-workflows.md, docs/durability.md).
   *
   * @throws SnapshotException when the snapshot is of another workflow, of a changed graph, its
   *     text is malformed or beyond its limits, or its content does not decode with this workflow's codecs
   * @throws IllegalArgumentException when the snapshot is of a finished run ({@link Snapshot#isFinished()}):
   *     start a new run from it with {@link RunOptions.Builder#continueFrom(Snapshot)}
   */
  public WorkflowHandler<R> resume(Snapshot snapshot, RunOptions options) {
    return resume(snapshot, options, null);
  }

  /** Resumes run {@code runId} from its latest checkpoint in {@code store}, checkpointing on to it. */
  public WorkflowHandler<R> resume(String runId, RunStore store) {
    return resume(runId, store, RunOptions.defaults());
  }

  /**
   * Resumes run {@code runId} from its latest checkpoint in {@code store} (see
   * {@link #resume(Snapshot, RunOptions)}), with {@code options} and the run checkpointing on to
   * {@code store}. A run that failed resumes from its last checkpoint; a finished one does not.
   * A handler of the same run in this process that is ending (after {@code cancel()}, say) saves
   * its last checkpoint first. The resume then claims the run in the store (a save of status
   * {@code RUNNING}, one version up), so any other handler of it stops at its next save with
   * {@link io.stepwise.store.StaleRunException}.
   *
   * @throws IllegalArgumentException if the store has no such run, or it is another workflow's
   * @throws IllegalStateException if the run finished
   * @throws io.stepwise.store.StaleRunException if another handler claimed the run since it was loaded
   */
  public WorkflowHandler<R> resume(String runId, RunStore store, RunOptions options) {
    return resume(runId, store, options, Snapshot.DEFAULT_LIMITS);
  }

  /**
   * Like {@link #resume(String, RunStore, RunOptions)}, reading the stored snapshot within
   * {@code limits}: for runs whose snapshots outgrow {@link Snapshot#DEFAULT_LIMITS}.
   */
  public WorkflowHandler<R> resume(String runId, RunStore store, RunOptions options, JsonLimits limits) {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(options, "options");
    // A handler of this run in this process that just ended (a cancel, say) saves its last first.
    LiveRuns.awaitEnd(runId, options.runStoreTimeout());
    StoredRun stored = store.load(runId).orElseThrow(() -> new IllegalArgumentException("The run store has no run '"
        + runId + "' to resume; store.list() shows the runs it has"));
    if (!stored.checkpoint().workflow().equals(definition.name())) {
      throw new IllegalArgumentException("Run '" + runId + "' is a run of workflow '" + stored.checkpoint().workflow()
          + "', not of '" + definition.name() + "'; resume it with its own workflow");
    }
    if (stored.status() == RunStatus.FINISHED) {
      throw new IllegalStateException("Run '" + runId + "' of workflow '" + definition.name()
          + "' has finished; there is nothing to resume");
    }
    Snapshot snapshot = Snapshot.fromJson(stored.snapshotJson(), limits);
    if (!runId.equals(snapshot.runId())) {
      throw new SnapshotException(SnapshotException.Reason.INVALID_CONTENT, "The run store's record of run '" + runId
          + "' holds a snapshot of run '" + snapshot.runId() + "'; the record is corrupt or was written by hand."
          + " Resume run '" + snapshot.runId() + "' by its own id, or delete the record");
    }
    // The claim: from here on this handler owns the run, and any other one stops at its next save.
    StoredRun claimed = store.save(new Checkpoint(runId, stored.checkpoint().workflow(),
        stored.checkpoint().graphHash(), RunStatus.RUNNING, stored.snapshotJson()), stored.version());
    return resume(snapshot, options.withRunStore(store), claimed);
  }

  private WorkflowHandler<R> resume(Snapshot snapshot, RunOptions options, StoredRun storedRun) {
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(options, "options");
    if (options.continueFrom() != null || options.continueFromSnapshot() != null) {
      throw new IllegalArgumentException("A resumed run continues its snapshot; remove continueFrom from the options");
    }
    if (snapshot.isFinished()) {
      throw new IllegalArgumentException("Snapshot of run " + snapshot.runId() + " of workflow '" + snapshot.workflow()
          + "' was taken after the run finished, so there is nothing to resume; start a new run from its state and"
          + " store with run(start, RunOptions.builder().continueFrom(snapshot).build())");
    }
    RunImage image = new SnapshotReader(definition.codecs(), routing, graphHash).read(snapshot);
    RunData data = new RunData(definition.name(), state, routing::isOwnEvent, image.state(), image.store());
    RunDriver<R> run = driver(image.runId(), options, data, storedRun, image);
    run.aliveBefore(image.elapsed());
    var handle = new RunHandle<>(run);
    run.start(new Tick.Resumed(image.loop(), image.elapsed()), slots);
    return handle;
  }

  /**
   * @param resumedFrom the stored checkpoint a run resumed from its store continues, or null
   * @param image the snapshot's content a resumed run starts from (its executions resume their children), or null
   */
  private RunDriver<R> driver(String runId, RunOptions options, RunData data, StoredRun resumedFrom, RunImage image) {
    Duration timeout = options.timeout() != null ? options.timeout() : definition.timeout();
    RunDriver<R> run = new RunDriver<>(runId, routing, invoker, definition.stopEventType(), timeout,
        SharedTimers.INSTANCE, data, options.stepStateEvents(), options.verbose());
    run.streamBuffer(options.streamCapacity(), options.streamOverflow());
    run.idleEvents(options.idleEvents());
    run.retryPolicies(retryPolicies);
    StoreCheckpointing stored = options.runStore() == null ? null
        : new StoreCheckpointing(runId, options.runStore(), resumedFrom, options.checkpoints());
    RunCapture capture = new RunCapture(definition.name(), graphHash, definition.codecs(), routing.steps(), runId,
        stored != null ? stored : options.checkpoints(), options.saveFailures(), options.runStoreTimeout());
    capture.storeTo(stored);
    if (image != null) {
      capture.resumeChildren(image);
    }
    run.capture(capture);
    if (options.trace()) {
      run.record(new ExecutionRecorder());
    }
    List<RunObserver> observers = InstalledObservers.with(options.observers());
    if (!observers.isEmpty()) {
      run.observe(new ObservedRun(definition.name(), runId, image != null), observers, options.observers());
    }
    return run;
  }

  private RunData continued(WorkflowHandler<?> previous) {
    if (!(previous instanceof RunHandle<?> handle) || !handle.data().sameWorkflow(definition.name(), state)) {
      throw new IllegalArgumentException("Run " + previous.runId() + " is not a run of workflow '"
          + definition.name() + "'; continue only from a run of the same workflow");
    }
    if (!handle.isDone()) {
      throw new IllegalStateException("Run " + previous.runId() + " of workflow '" + definition.name()
          + "' is still running; wait for its result() before continuing from it");
    }
    return handle.data().continued();
  }

  /** Data for a run that continues the finished run {@code finished} was taken of. */
  private RunData continued(Snapshot finished) {
    if (!finished.isFinished()) {
      throw new IllegalArgumentException("Snapshot of run " + finished.runId() + " of workflow '" + finished.workflow()
          + "' was taken while the run was in flight; resume it with resume(snapshot), or continue from a"
          + " snapshot taken after its result()");
    }
    RunImage image = new SnapshotReader(definition.codecs(), routing, graphHash).read(finished);
    // continued(): a copy, since a snapshot taken in this process shares the ended run's state object
    return new RunData(definition.name(), state, routing::isOwnEvent, image.state(), image.store()).continued();
  }

  /** The static event graph. */
  public WorkflowGraph graph() {
    return definition.graph();
  }

  /** The workflow's name. */
  public String name() {
    return definition.name();
  }

  /** The workflow's events and state as JSON, with its generated codecs; decodes only its own types. */
  public WorkflowJson json() {
    WorkflowJson current = json;
    if (current == null) {
      // Racing first calls may each build one; they are equivalent, and one wins.
      current = WorkflowJson.of(definition.codecs());
      json = current;
    }
    return current;
  }
}
