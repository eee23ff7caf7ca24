package io.stepwise.internal.run;

import io.stepwise.Event;
import io.stepwise.Snapshot;
import io.stepwise.StopEvent;
import io.stepwise.WorkflowException;
import io.stepwise.WorkflowFailedEvent;
import io.stepwise.internal.IdTable;
import io.stepwise.internal.Log;
import io.stepwise.internal.children.ExecutionChildren;
import io.stepwise.internal.children.RunChildren;
import io.stepwise.internal.execution.ExecutionHost;
import io.stepwise.internal.execution.StepExecution;
import io.stepwise.internal.execution.StepInvoker;
import io.stepwise.internal.loop.Command.CancelStep;
import io.stepwise.internal.loop.Command.Collected;
import io.stepwise.internal.loop.Command.Finish;
import io.stepwise.internal.loop.Command.Offer;
import io.stepwise.internal.loop.Command.Publish;
import io.stepwise.internal.loop.Command.Schedule;
import io.stepwise.internal.loop.Command.StartStep;
import io.stepwise.internal.loop.Command.Unschedule;
import io.stepwise.internal.loop.Command.WaitExpired;
import io.stepwise.internal.loop.Command;
import io.stepwise.internal.loop.RetryPolicies;
import io.stepwise.internal.loop.Routing;
import io.stepwise.internal.loop.RunLoop;
import io.stepwise.internal.loop.Tick;
import io.stepwise.internal.observe.RunObservation;
import io.stepwise.internal.snapshot.RunCapture;
import io.stepwise.internal.state.RunData;
import io.stepwise.internal.state.StateSupport;
import io.stepwise.internal.stream.EventStream;
import io.stepwise.internal.stream.HeldQuestions;
import io.stepwise.internal.timers.Timers;
import io.stepwise.internal.trace.ExecutionRecorder;
import io.stepwise.internal.trace.TraceRecording;
import io.stepwise.observe.ObservedRun;
import io.stepwise.observe.RunObserver;
import io.stepwise.spi.StepDescriptor;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Drives one run: feeds ticks to its {@link RunLoop} one at a time and carries out the commands it
 * emits: starting steps on virtual threads, arming timers ({@link RunTimers}), publishing on the
 * stream, taking checkpoints ({@link RunCapture}) and completing the result ({@link RunResult}).
 * A run under a {@code numConcurrentRuns} limit waits for its slot first ({@link Admission}).
 *
 * <p>Ticks come from any thread into a lock-free queue; whichever thread finds the loop idle
 * drains it (trampolining), so there is no loop thread to wake and a run that waits holds no
 * thread at all. The queue's counter gives each drain a happens-before edge to the previous one,
 * so the loop's state needs no locks.
 */
public final class RunDriver<R extends StopEvent> implements ExecutionHost {
  private static final ThreadFactory STEP_THREADS = Thread.ofVirtual().name("stepwise-step").factory();
  private static final boolean VERBOSE_BY_DEFAULT = Boolean.getBoolean("stepwise.verbose");

  private final String runId;
  private final Routing routing;
  private final StepInvoker invoker;
  /** The run's state and store, shared with its step executions. */
  private final RunData data;
  /** The child runs in flight of all its executions, for events sent from outside. */
  private final RunChildren children = new RunChildren();
  /** INFO when steps are logged, null when not. */
  private final Level logLevel;
  private final RunLoop loop;
  /** The run's stream; its steps take their place on it before they write (see {@link EventStream#admit}). */
  private final EventStream stream;
  private final RunResult<R> result;
  private final AliveTime alive = new AliveTime();
  private final ConcurrentLinkedQueue<Tick> ticks = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pendingTicks = new AtomicInteger();
  private final Consumer<Command> execute = this::execute;
  // Touched only by the draining thread.
  private final IdTable<StepExecution> executions = new IdTable<>();
  private final RunTimers timers;
  private RunCapture capture;
  // With a run store: the questions (and what follows them) held back until their checkpoint is saved.
  private HeldQuestions questions;
  private CompletableFuture<Void> lastSave; // with a store, made when the run starts to end
  private volatile Abandonment.Watch watch; // set once the handle exists; released when the run ends
  private boolean handoffOpen;
  // Touched only by the draining thread: the loop asked for an idle check once the queue is empty.
  private boolean idleCheckDue;
  private StepExecution handoff;
  private volatile boolean finished;
  private boolean letGo; // it ended kept in its store, to be resumed (released or abandoned)
  // Set before the first tick, or never: an untraced run only tests it for null.
  private ExecutionRecorder recorder;
  // Likewise: a run without observers only tests it for null, and makes no event for them.
  private RunObservation observation;
  private volatile Snapshot endSnapshot; // made on the first snapshot() after the end
  // With numConcurrentRuns: the run's place in its limit; null without one.
  private volatile Admission admission;
  private RetryPolicies retryPolicies;

  public RunDriver(String runId, Routing routing, StepInvoker invoker, Class<R> stopType,
      Duration timeout, Timers timers) {
    this(runId, routing, invoker, stopType, timeout, timers,
        RunData.fresh(routing.workflow(), StateSupport.NONE, routing::isOwnEvent), false, false);
  }

  /**
   * @param data the run's state and store
   * @param stepStateEvents whether step state changes are published on the stream
   * @param verbose whether step starts and ends are logged at INFO rather than DEBUG
   */
  public RunDriver(String runId, Routing routing, StepInvoker invoker, Class<R> stopType,
      Duration timeout, Timers timers, RunData data, boolean stepStateEvents, boolean verbose) {
    this.runId = runId;
    this.routing = routing;
    this.invoker = invoker;
    this.result = new RunResult<>(stopType);
    this.timers = new RunTimers(timers);
    this.data = data;
    // Step-by-step logging is opt-in, so that a run that logs nothing never starts the logging
    // backend (see Log); -Dstepwise.verbose=true turns it on for every run.
    this.logLevel = verbose || VERBOSE_BY_DEFAULT ? Level.INFO : null;
    this.loop = new RunLoop(runId, routing, timeout, stepStateEvents);
    this.retryPolicies = RetryPolicies.annotated(routing.steps());
    this.stream = new EventStream(runId);
    this.capture = RunCapture.NONE;
  }

  /** Lets the run take snapshots (and checkpoints); call before the first tick. */
  public void capture(RunCapture capture) {
    this.capture = capture;
    capture.reportFailuresTo((error, fatal) -> post(new Tick.SaveFailed(error, fatal)));
    this.questions = capture.storing() ? new HeldQuestions(stream) : null;
  }

  /** Where the steps' retry policies come from (default: their compiled {@code @Retry}); call before the first tick. */
  public void retryPolicies(RetryPolicies policies) {
    this.retryPolicies = policies;
    loop.retryPolicies(policies);
  }

  /** Publishes a {@link io.stepwise.WorkflowIdleEvent} each time the run comes to rest; call before the first tick. */
  public void idleEvents(boolean enabled) {
    loop.idleEvents(enabled);
  }

  /** Bounds the run's stream (see {@link io.stepwise.RunOptions.Builder#streamBuffer}); call before the first tick. */
  public void streamBuffer(int capacity, io.stepwise.StreamOverflow overflow) {
    stream.bound(capacity, overflow);
  }

  /** The time the run was alive before this start, as its snapshot recorded; call before the first tick. */
  public void aliveBefore(Duration elapsed) {
    alive.before(elapsed);
  }

  /**
   * Starts the run with {@code first} ({@link Tick.Started} or {@link Tick.Resumed}): at once, or,
   * when {@code slots} has no free slot, once an earlier run ends. Meanwhile the ticks posted to it
   * (events sent, a snapshot asked) queue up behind {@code first} and nothing drains them.
   *
   * @param slots the workflow's {@code numConcurrentRuns}, or null for no limit
   */
  public void start(Tick first, RunSlots slots) {
    if (slots == null) {
      post(first);
      return;
    }
    Admission queued = new Admission(slots);
    admission = queued;
    // As if a thread were draining: every post only queues, behind `first`, until admit() drains.
    pendingTicks.set(1);
    ticks.offer(first);
    queued.enter(this);
  }

  /** A slot is this run's: it starts, and what was posted while it waited follows its first tick. */
  void admit() {
    admission.admitted();
    drain(null); // the count set in start() stands for this drain
  }

  /**
   * Takes the run out of its workflow's queue and ends it as cancelled, without starting it.
   *
   * @return false when it was not queued: it started (or is starting), and a cancel must go to its loop
   */
  boolean withdraw() {
    Admission queued = admission;
    if (queued == null || !queued.withdraw(this)) {
      return false;
    }
    drain(new Tick.CancelRequested()); // handled before the held first tick, which the ended loop then drops
    return true;
  }

  /** Whether the run waits for a slot of its workflow's {@code numConcurrentRuns}. */
  public boolean isQueued() {
    Admission queued = admission;
    return queued != null && queued.isQueued();
  }

  /** Where the run stands in its workflow's queue, for messages. */
  String queueDescription() {
    Admission queued = admission;
    return queued == null ? "" : queued.description();
  }

  /**
   * The run's time alive over all its starts: before this one, then from when its loop here saw its
   * first tick (not while it was queued) until now or its end.
   */
  Duration elapsed() {
    return alive.elapsed();
  }

  /**
   * Asks the loop for a consistent cut between two ticks; the run goes on undisturbed. After the run
   * ended, the answer is its end snapshot: state and store, nothing in flight.
   */
  public CompletableFuture<Snapshot> snapshot() {
    CompletableFuture<Snapshot> answer = new CompletableFuture<>();
    if (!capture.enabled()) {
      answer.completeExceptionally(new IllegalStateException("Workflow '" + routing.workflow()
          + "' has no JSON codecs, so its runs cannot take snapshots"));
      return answer;
    }
    if (finished) {
      return completedWith(answer);
    }
    if (isQueued()) { // else its request would wait, unanswered, until the run starts
      answer.completeExceptionally(new IllegalStateException("Run " + runId + " of workflow '" + routing.workflow()
          + "' is queued: " + queueDescription() + "; it has nothing to snapshot until it starts. Take the snapshot"
          + " once it started (its first stream event says so), or cancel() it to take it out of the queue"));
      return answer;
    }
    long request = capture.request(answer);
    post(new Tick.SnapshotRequested(request));
    if (finished) {
      capture.ended(this::endSnapshot); // it ended before the loop saw the request
    }
    return answer;
  }

  private CompletableFuture<Snapshot> completedWith(CompletableFuture<Snapshot> answer) {
    try {
      answer.complete(endSnapshot());
    } catch (RuntimeException e) {
      answer.completeExceptionally(e);
    }
    return answer;
  }

  /** The snapshot of the ended run, the same on every call. */
  private Snapshot endSnapshot() {
    Snapshot made = endSnapshot;
    if (made == null) {
      synchronized (this) {
        made = endSnapshot;
        if (made == null) {
          made = capture.ended(data, runId, stream.published(), elapsed());
          endSnapshot = made;
        }
      }
    }
    return made;
  }

  /** Records what the run does into {@code recorder}; call before the first tick is posted. */
  public void record(ExecutionRecorder recorder) {
    this.recorder = recorder;
  }

  /**
   * Tells {@code observers} what the run does ({@code inherited} are given to its child runs too);
   * call before the first tick is posted, which calls {@code runStarted} on the poster's thread.
   */
  public void observe(ObservedRun run, List<RunObserver> observers, List<RunObserver> inherited) {
    this.observation = new RunObservation(run, routing, observers, inherited, loop::routesSendOf);
  }

  /** The recorder, or null when the run is not traced. */
  ExecutionRecorder recorder() {
    return recorder;
  }

  /** The run's state and store. */
  @Override
  public RunData data() {
    return data;
  }

  @Override
  public String runId() {
    return runId;
  }

  @Override
  public Routing routing() {
    return routing;
  }

  // What its step executions ask of the run (see ExecutionHost).

  @Override
  public StepInvoker invoker() {
    return invoker;
  }

  @Override
  public EventStream stream() {
    return stream;
  }

  @Override
  public RunChildren children() {
    return children;
  }

  @Override
  public Level logLevel() {
    return logLevel;
  }

  @Override
  public int maxAttempts(StepDescriptor step) {
    return retryPolicies.maxAttempts(step);
  }

  @Override
  public RunObserver.Scope stepEntered(StepExecution execution, Event[] events) {
    RunObservation observed = observation;
    return observed == null ? null : observed.stepEntered(execution, events);
  }

  @Override
  public void childRunStarted(StepExecution execution, String childWorkflow, String childRunId) {
    RunObservation observed = observation;
    if (observed != null) {
      observed.childRunStarted(execution, childWorkflow, childRunId);
    }
  }

  @Override
  public List<RunObserver> inheritedObservers() {
    RunObservation observed = observation;
    return observed == null ? null : observed.inherited();
  }

  /** Whether the run checkpoints to a run store, which keeps it when it is released. */
  boolean storing() {
    return capture.storing();
  }

  /** Whether the run has ended; a tick may still be on its way to an ended run, and is dropped. */
  public boolean isFinished() {
    return finished;
  }

  /** The result, completed when the run ends; only the driver completes it. */
  CompletableFuture<R> result() {
    return result.future();
  }

  /** A twin of the result for callers, so a caller completing it cannot change the run's result. */
  CompletableFuture<R> exposedResult() {
    return result.exposed();
  }

  Stream<Event> events() {
    return stream.stream();
  }

  /** Hands a tick to the loop; runs the loop on this thread if no other thread is running it. */
  @Override
  public void post(Tick tick) {
    if (pendingTicks.compareAndSet(0, 1)) {
      drain(tick); // the loop is idle and the queue empty: no need to queue it
      return;
    }
    ticks.offer(tick);
    if (pendingTicks.getAndIncrement() == 0) {
      drain(null);
    }
  }

  /**
   * Posts the last report of a step from the step's own virtual thread, which is about to end.
   * If this thread drains the loop, the first step the loop starts meanwhile is handed back to
   * run on this thread, saving a thread start per step on a chain.
   *
   * @return the execution to run next on this thread, or null
   */
  @Override
  public StepExecution postLast(Tick tick) {
    if (pendingTicks.compareAndSet(0, 1)) {
      handoffOpen = true;
      return drain(tick);
    }
    ticks.offer(tick);
    if (pendingTicks.getAndIncrement() != 0) {
      return null; // the draining thread will see it
    }
    handoffOpen = true;
    return drain(null);
  }

  /** Runs the loop over {@code first} (a tick counted but not queued), if any, then the queue until it stays empty. */
  private StepExecution drain(Tick first) {
    StepExecution taken = null;
    int missed = 1;
    if (first != null) {
      handle(first);
    }
    do {
      Tick next;
      while (true) {
        while ((next = ticks.poll()) != null) {
          handle(next);
        }
        if (!idleCheckDue) {
          break;
        }
        idleCheckDue = false; // behind every tick queued so far, as Python's TickIdleCheck
        handle(new Tick.IdleCheck());
      }
      // Close the handoff before letting another thread drain: it belongs to this thread only.
      if (taken == null) {
        taken = handoff;
      }
      handoff = null;
      handoffOpen = false;
      missed = pendingTicks.addAndGet(-missed);
    } while (missed != 0);
    return taken;
  }

  /**
   * Lets the run go from memory if only an event from outside can move it on (see
   * {@link Tick.ReleaseRequested}); the answer says whether it was.
   */
  public CompletableFuture<Boolean> release() {
    CompletableFuture<Boolean> answer = new CompletableFuture<>();
    if (finished) {
      answer.complete(false);
      return answer;
    }
    post(new Tick.ReleaseRequested(answer));
    return answer;
  }

  private void handle(Tick tick) {
    if (finished) {
      if (tick instanceof Tick.ReleaseRequested release) {
        release.answer().complete(false); // it ended otherwise: not let go
      }
      return; // the loop drops it too, but after a crash the loop never learned that it ended
    }
    // A checkpoint follows each completed step and each new wait, so that a run waiting for a person
    // is saved, and the start of a run with a store, so that it is stored from its start.
    if (!alive.hasStarted() && (tick instanceof Tick.Started || tick instanceof Tick.Resumed)) {
      alive.started(); // its run timeout, armed by this tick, counts from here too
    }
    boolean checkpoint = tick instanceof Tick.WaitStarted || (tick instanceof Tick.Started && questions != null);
    if (observation != null) {
      observation.beforeTick(tick, executions);
    }
    switch (tick) {
      case Tick.StepReturned returned -> {
        StepExecution execution = executions.remove(returned.execution());
        checkpoint = execution != null;
        TraceRecording.returned(recorder, execution, returned.emitted());
      }
      case Tick.StepThrew threw -> executions.remove(threw.execution());
      case Tick.Timed timed -> timers.fired(timed.key());
      default -> {
        if (recorder != null) {
          TraceRecording.tick(recorder, tick, executions);
        }
      }
    }
    if (questions != null) {
      if (tick instanceof Tick.CheckpointSaved saved) {
        questions.saved(saved.checkpoint());
      } else if (tick instanceof Tick.SaveFailed) {
        questions.releaseAll(); // the save they wait for will not come: the policy decides what follows
      }
    }
    try {
      if (questions != null) {
        questions.tickStarts(tick instanceof Tick.WaitStarted, capture.checkpointsTaken() + 1);
      }
      loop.reduce(tick, execute);
      if (observation != null) {
        observation.afterTick(this::publishNow);
      }
      if (tick instanceof Tick.StreamWritten) {
        stream.writeHandled(); // frees the place its step took on a BLOCK stream, whether published or not
      }
      if (questions != null && questions.askedThisTick()) {
        checkpoint = true;
      }
      if (checkpoint && !finished && capture.checkpointing()) {
        long position = stream.published() + (questions == null ? 0 : questions.held());
        capture.checkpoint(data, runId, position, loop.image(), timers::left, this::childrenOf, elapsed(),
            this::checkpointSaved);
      }
    } catch (RuntimeException | Error bug) {
      crash(bug);
    }
    if (tick instanceof Tick.ReleaseRequested release) {
      // Let go only when the loop finished it for this tick (a crash ends it too, but is no release).
      release.answer().complete(finished && letGo);
    }
  }

  private void publishNow(Event event) {
    if (questions != null) {
      questions.publish(event);
    } else {
      stream.publish(event);
    }
  }

  /** A checkpoint was saved; the loop's thread releases what waited for it (ticks are ignored once the run ended). */
  private void checkpointSaved(long number) {
    if (questions != null && !finished) {
      post(new Tick.CheckpointSaved(number));
    }
  }

  private void execute(Command command) {
    if (recorder != null) {
      TraceRecording.command(recorder, command, routing);
    }
    if (observation != null) {
      observation.command(command, executions);
    }
    switch (command) {
      case StartStep start -> {
        StepExecution execution = new StepExecution(this, start.execution(), routing.steps().get(start.step()),
            start.events(), start.attempt(), start.lastError());
        if (capture.resumesChildren()) {
          capture.handChildren(start.step(), start.events(), execution.children());
        }
        executions.put(start.execution(), execution);
        if (handoffOpen && handoff == null) {
          handoff = execution;
        } else {
          execution.start(STEP_THREADS);
        }
      }
      case CancelStep cancel -> {
        StepExecution execution = executions.remove(cancel.execution());
        if (execution != null) {
          execution.cancel();
        }
      }
      case Publish publish -> publishNow(publish.event());
      case Schedule schedule -> {
        Tick.Timed timed = schedule.tick();
        timers.schedule(schedule.key(), schedule.delay(), () -> post(timed));
      }
      case Unschedule unschedule -> timers.unschedule(unschedule.key());
      case Command.CheckIdle ignored -> idleCheckDue = true;
      case Finish finish -> finish(finish.terminal(), finish.error(), finish.keepStored());
      case Command.Captured captured ->
          capture.answer(captured.request(), data, runId, stream.published(), captured.image(), timers::left,
              this::childrenOf, elapsed());
      case Collected collected -> {
        StepExecution execution = executions.get(collected.execution());
        if (execution != null) {
          execution.collected(collected.events());
        }
      }
      case Offer offer -> {
        StepExecution execution = executions.get(offer.execution());
        if (execution != null) {
          execution.waiting().offer(offer.seq(), offer.event());
        }
      }
      case WaitExpired expired -> {
        StepExecution execution = executions.get(expired.execution());
        if (execution != null) {
          execution.waiting().expire(expired.seq(), expired.type(), expired.timeout());
        }
      }
    }
  }

  private void finish(Event terminal, RuntimeException error, boolean keepStored) {
    alive.ended();
    finished = true;
    letGo = keepStored;
    Admission admitted = admission;
    if (admitted != null) {
      admitted.release(); // the oldest queued run of the workflow starts
    }
    timers.cancelAll();
    executions.clear();
    if (questions != null) {
      questions.releaseAll(); // the run ended: nothing is left to wait for
    }
    if (observation != null) { // before the stream ends and the result completes: a caller sees the run observed
      observation.runEnded(terminal, error, keepStored, result.stopType(), this::publishNow);
    }
    stream.end(terminal);
    if (error == null) {
      error = result.wrongEnd(routing.workflow(), terminal);
    }
    capture.ended(this::endSnapshot);
    Abandonment.Watch watched = watch;
    if (watched != null) {
      watched.release();
    }
    RuntimeException failure = error;
    // With a store, a resume of this run id in this process waits for the last save below.
    CompletableFuture<Void> saving = capture.storing() ? ending() : null;
    // With checkpoints, the result waits for the last one, so a store holds it once result() returns,
    // but never longer than a save's deadline.
    if (!keepStored) {
      capture.saveFinalStatus(failure == null);
    }
    capture.afterCheckpoints(() -> {
      RuntimeException unsaved = failure == null ? capture.unsavedEnd(runId) : null;
      result.complete(terminal, failure != null ? failure : unsaved);
      if (saving != null) {
        saving.complete(null);
      }
    });
  }

  /** The handle's watch; released at once when the run already ended meanwhile. */
  void watchedBy(Abandonment.Watch watch) {
    this.watch = watch;
    if (isFinished()) {
      watch.release();
    }
  }

  /**
   * The run is about to end (a cancel was asked, or it ends now): with a store, a resume of its id
   * in this process waits from now on until its last save. Returns what its last save completes.
   */
  synchronized CompletableFuture<Void> ending() {
    if (lastSave == null && capture.storing()) {
      lastSave = LiveRuns.started(runId);
    }
    return lastSave;
  }

  /** The child runs execution {@code key} waits for, or null when it is not running here. */
  private ExecutionChildren childrenOf(long key) {
    StepExecution execution = executions.get(key);
    return execution == null ? null : execution.childrenIfAny();
  }

  /** A bug in the loop must end the run loudly rather than leave its caller waiting forever. */
  private void crash(Throwable bug) {
    Log.get().log(Level.ERROR, "run " + runId + " of workflow '" + routing.workflow() + "' crashed", bug);
    if (finished) {
      return;
    }
    executions.valuesByKey().forEach(StepExecution::cancel);
    WorkflowException error =
        new WorkflowException("Run " + runId + " of workflow '" + routing.workflow() + "' crashed: " + bug, bug);
    finish(new WorkflowFailedEvent("", bug.getClass().getName(), bug.getMessage()), error, false);
  }
}
