package io.stepwise.internal.loop;

import io.stepwise.ChildEvent;
import io.stepwise.Event;
import io.stepwise.InputRequiredEvent;
import io.stepwise.StepStateChanged;
import io.stepwise.StopEvent;
import io.stepwise.internal.loop.InFlight.Execution;
import io.stepwise.spi.StepDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * The control loop of one run as a reducer: {@link #reduce} folds a tick into the run's state
 * and emits the commands that follow from it. No threads, no clock, no I/O: a driver executes
 * the commands and feeds back what happens, so the loop is tested as is, and its state at any cut
 * ({@link #image()}) is what a snapshot holds.
 * Everything it keeps (queues, join and collect buffers, waiters, pending retries, lineages) is
 * plain data. The ticks themselves are not recorded anywhere: a run outlives its process only
 * through that state, taken as a checkpoint (see {@link Tick}).
 */
public final class RunLoop {
  /** Timer key of the run timeout; execution and wait keys start above it. */
  public static final long RUN_TIMER = 0;

  private final String runId;
  private final Routing routing;
  private final Duration timeout;
  private final boolean stepStateEvents;
  private final StepState[] steps;
  private final InFlight inFlight = new InFlight();
  private final Waiters waiters = new Waiters();
  /** Executions of a resumed run whose re-runs have not opened again the wait open at the cut. */
  private final List<Long> rearming = new ArrayList<>(0);
  private boolean finished;
  /** Whether the run's handler is gone: the run ends as soon as only the outside could move it on. */
  private boolean abandoned;
  private RetryPolicies retryPolicies;
  /** When the run announces its rests; null when its run did not ask for {@link io.stepwise.WorkflowIdleEvent}s. */
  private IdleAnnouncements idle;

  /**
   * @param timeout the run timeout, {@link Duration#ZERO} for none
   */
  public RunLoop(String runId, Routing routing, Duration timeout) {
    this(runId, routing, timeout, false);
  }

  /**
   * @param timeout the run timeout, {@link Duration#ZERO} for none
   * @param stepStateEvents whether to publish {@link StepStateChanged} events
   */
  public RunLoop(String runId, Routing routing, Duration timeout, boolean stepStateEvents) {
    this.runId = runId;
    this.routing = routing;
    this.timeout = timeout;
    this.stepStateEvents = stepStateEvents;
    this.steps = new StepState[routing.steps().size()];
    this.retryPolicies = RetryPolicies.annotated(routing.steps());
  }

  /** Where the steps' retry policies come from (default: their compiled {@code @Retry}); set before the first tick. */
  public void retryPolicies(RetryPolicies policies) {
    this.retryPolicies = policies;
  }

  /** Whether to publish a {@link io.stepwise.WorkflowIdleEvent} each time the run comes to rest; set before the first tick. */
  public void idleEvents(boolean enabled) {
    this.idle = enabled ? new IdleAnnouncements() : null;
    waiters.countOffers(enabled);
  }

  /** A step's share of the run, made when the step first gets an event: most runs touch few steps. */
  private StepState state(int step) {
    StepState state = steps[step];
    if (state == null) {
      state = new StepState(routing.steps().get(step));
      steps[step] = state;
    }
    return state;
  }

  /** Whether the run has ended; every later tick is ignored. */
  public boolean isFinished() {
    return finished;
  }

  /** Folds one tick into the state, passing the resulting commands to {@code out} in order. */
  public void reduce(Tick tick, Consumer<? super Command> out) {
    if (finished) {
      return; // late reports of cancelled work, writes after the end: all dropped
    }
    switch (tick) {
      case Tick.Started started -> {
        armRunTimer(Duration.ZERO, out);
        deliver(started.start(), -1, 0, out);
      }
      case Tick.Resumed resumed -> {
        if (!armRunTimer(resumed.elapsed(), out)) {
          // Its time alive before the cut used up the whole run timeout: it ends as it would have then.
          finish(RunEnds.timedOut(routing.workflow(), timeout, activeIn(resumed.image())), out);
          return;
        }
        resume(resumed.image(), out);
        if (idle != null) {
          idle.resumed(restedAt(resumed.image()));
        }
      }
      case Tick.SnapshotRequested request -> out.accept(new Command.Captured(request.request(), image()));
      case Tick.EventPosted posted -> deliver(posted.event(), posted.step(), 0, out);
      case Tick.EventSent sent -> {
        Execution sender = inFlight.get(sent.execution());
        if (sender != null && !inFlight.progressOf(sender.id()).replaysSend()) {
          deliver(sent.event(), sent.step(), sender.lineage(), out);
        }
      }
      case Tick.StreamWritten written -> {
        // A child's events are not replayed: a resumed child's stream goes on from the child's own cut.
        if (inFlight.contains(written.execution()) && (written.event() instanceof ChildEvent
            || !inFlight.progressOf(written.execution()).replaysWrite())) {
          out.accept(new Command.Publish(written.event()));
        }
      }
      case Tick.StepReturned returned -> returned(returned, out);
      case Tick.StepThrew threw -> {
        Execution execution = inFlight.get(threw.execution());
        if (execution != null && !execution.waiting()) {
          fail(execution, threw.error(), threw.elapsed(), out);
        }
      }
      case Tick.StepTimedOut timedOut -> {
        Execution execution = inFlight.get(timedOut.execution());
        if (execution != null && !execution.waiting()) {
          out.accept(new Command.CancelStep(execution.id()));
          StepDescriptor step = state(execution.step()).step;
          fail(execution, RunEnds.stepTimedOut(step), step.timeout(), out);
        }
      }
      case Tick.RetryDue due -> {
        Execution execution = inFlight.get(due.execution());
        if (execution != null && execution.waiting()) {
          launch(execution.due(), out);
        }
      }
      case Tick.CollectRequested collect -> {
        Execution execution = inFlight.get(collect.execution());
        // A dead execution gets "not yet": its thread is being cancelled and must not block on us.
        List<Event> set = execution == null || execution.waiting() ? null
            : collect.expected().isEmpty() ? List.of()
            : collect(execution, collect);
        out.accept(new Command.Collected(collect.execution(), set));
      }
      case Tick.WaitStarted wait -> {
        Execution execution = inFlight.get(wait.execution());
        if (execution != null && !execution.waiting()) { // else cancelled meanwhile: its thread is being interrupted
          startWait(execution, wait, out);
        }
      }
      case Tick.WaitMatched matched -> {
        waiters.matched(matched, out);
        ExecutionProgress progress = inFlight.progressIfAny(matched.execution());
        if (progress != null) {
          progress.waitEnded(matched.seq(), matched.event());
        }
      }
      case Tick.OfferRefused refused -> waiters.refused(refused);
      case Tick.IdleCheck ignored -> { } // answered below, once the run's state is known
      case Tick.WaitTimedOut expired -> {
        Waiters.Waiter waiter = waiters.timedOut(expired, out);
        ExecutionProgress progress = waiter == null ? null : inFlight.progressIfAny(waiter.execution());
        if (progress != null) {
          progress.waitEnded(waiter.seq(), null);
        }
      }
      case Tick.Abandoned ignored -> abandoned = true;
      case Tick.ReleaseRequested ignored -> {
        if (waitsForeverForOutside()) {
          finish(RunEnds.released(routing.workflow(), runId), out);
        }
      }
      case Tick.CheckpointSaved ignored -> { } // the driver's business: it releases what waited for the save
      case Tick.SaveFailed failed -> {
        if (failed.fatal()) {
          finish(RunEnds.saveFailed(failed.error()), out);
        } else {
          out.accept(new Command.Publish(RunEnds.saveSkipped(failed.error())));
        }
      }
      case Tick.RunTimedOut ignored -> finish(RunEnds.timedOut(routing.workflow(), timeout, activeSteps()), out);
      case Tick.CancelRequested ignored -> finish(RunEnds.cancelled(routing.workflow(), runId), out);
    }
    if (abandoned && !finished && waitsForeverForOutside()) {
      finish(RunEnds.abandoned(routing.workflow(), runId), out);
    }
    if (idle != null && !finished) {
      idle.after(tick, rests(), out);
    }
  }

  /**
   * Whether the run rests, as the Python library's {@code _check_idle_state} sees it: nothing
   * queued, no step at work (here: every execution in flight is blocked in a wait, and has answered
   * every event offered to it). A retry waiting out its delay is work to come; timers (wait and run
   * timeouts) do not count. Unlike {@link #waitsForeverForOutside()}, a rest may end by itself.
   */
  private boolean rests() {
    return waiters.offersAnswered() && onlyWaits(waiters::waits);
  }

  /** Whether nothing is queued and every execution in flight is blocked in a wait {@code inWait} accepts. */
  private boolean onlyWaits(LongPredicate inWait) {
    for (StepState state : steps) {
      if (state != null && state.hasQueued()) {
        return false;
      }
    }
    for (Execution execution : inFlight.all()) {
      if (execution.waiting() || !inWait.test(execution.id())) {
        return false;
      }
    }
    return true;
  }

  /** Whether a cut was taken while its run rested: nothing queued, and every execution in a wait. */
  private static boolean restedAt(LoopImage image) {
    for (LoopImage.StepImage step : image.steps()) {
      if (!step.queued().isEmpty()) {
        return false;
      }
    }
    for (LoopImage.ExecutionImage execution : image.executions()) {
      if (execution.retryIn() != null || execution.progress().openWait() == null) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether nothing but an event from outside can move the run on: no run timeout, nothing queued,
   * no retry pending, and every execution in flight blocked in a wait without a timeout.
   */
  private boolean waitsForeverForOutside() {
    return timeout.isZero() && onlyWaits(waiters::waitsForever);
  }

  /**
   * Arms the run timeout for what is left of it after {@code elapsed}, the time the run was alive
   * before (zero for a new run).
   *
   * @return false when nothing is left: the run has timed out already
   */
  private boolean armRunTimer(Duration elapsed, Consumer<? super Command> out) {
    if (timeout.isZero()) {
      return true;
    }
    Duration left = timeout.minus(elapsed);
    if (left.isNegative() || left.isZero()) {
      return false;
    }
    out.accept(new Command.Schedule(RUN_TIMER, new Tick.RunTimedOut(), left));
    return true;
  }

  /**
   * Whether an event execution {@code key} sends now will be routed: it is alive, and is not a
   * resumed re-run repeating a send made before the cut. Changes nothing (observers ask it).
   */
  public boolean routesSendOf(long key) {
    if (inFlight.get(key) == null) {
      return false;
    }
    ExecutionProgress progress = inFlight.progressIfAny(key);
    return progress == null || !progress.nextSendReplays();
  }

  /** Names of the steps with running, retrying or queued executions, sorted. */
  public List<String> activeSteps() {
    return StepState.activeNames(steps);
  }

  /** The loop's data at this cut; retry delays are given as zero, the driver knows what is left. */
  public LoopImage image() {
    return LoopImages.of(steps, inFlight, waiters);
  }

  /** Names of the steps with executions in flight or queued input sets in {@code image}, sorted. */
  private List<String> activeIn(LoopImage image) {
    var names = new TreeSet<String>();
    image.executions().forEach(execution -> names.add(routing.steps().get(execution.step()).name()));
    image.steps().stream().filter(step -> !step.queued().isEmpty())
        .forEach(step -> names.add(routing.steps().get(step.step()).name()));
    return List.copyOf(names);
  }

  /** Refills the buffers and runs the image's executions again; a retrying one waits out what was left. */
  private void resume(LoopImage image, Consumer<? super Command> out) {
    for (LoopImage.StepImage step : image.steps()) {
      state(step.step()).restore(step);
    }
    for (LoopImage.ExecutionImage running : image.executions()) {
      StepState state = state(running.step());
      state.busy++;
      Execution execution = LoopImages.execution(running, inFlight.newKey(), state.takeWorker());
      inFlight.replay(execution.id(), running.progress());
      if (running.progress().openWait() != null) {
        rearming.add(execution.id());
      }
      if (execution.waiting()) {
        inFlight.waitToRetry(execution, running.retryIn(), out);
      } else {
        launch(execution, out);
      }
    }
  }

  private void returned(Tick.StepReturned returned, Consumer<? super Command> out) {
    Execution execution = inFlight.get(returned.execution());
    if (execution == null || execution.waiting()) {
      return;
    }
    StepDescriptor step = state(execution.step()).step;
    List<Event> emitted = returned.emitted();
    for (int i = 0; i < emitted.size(); i++) {
      String undeclared = Produces.undeclared(step, emitted.get(i));
      if (undeclared != null) {
        fail(execution, new IllegalStateException(undeclared), Duration.ZERO, out);
        return;
      }
    }
    // Route before freeing the worker, so the step's own queue stays ahead of what it emitted.
    inFlight.remove(execution.id());
    waiters.endAll(execution.id(), out);
    publishState(execution, StepStateChanged.Status.FINISHED, emitted, out);
    // A fan-out's list opens a batch before its elements travel, so none can arrive ahead of it.
    for (int fanIn : routing.fanInsOf(execution.step())) {
      StepState state = state(fanIn);
      fireBatches(state, state.openBatch(emitted.size(), execution.lineage()), out);
    }
    for (int i = 0; i < emitted.size() && !finished; i++) {
      deliver(emitted.get(i), -1, execution.lineage(), out);
    }
    if (!finished) {
      release(execution, out);
    }
  }

  private void deliver(Event event, int onlyStep, int lineage, Consumer<? super Command> out) {
    if (event instanceof StopEvent) {
      finish(new Command.Finish(event, null, false), out);
      return;
    }
    if (event instanceof InputRequiredEvent) {
      out.accept(new Command.Publish(event));
    }
    for (Waiters.Waiter waiter : waiters.interestedIn(event, onlyStep)) {
      inFlight.progressOf(waiter.execution()).offered(event);
      waiters.offered(waiter.key());
      out.accept(new Command.Offer(waiter.execution(), waiter.seq(), event));
    }
    if (!rearming.isEmpty()) {
      keepForWaitsBeforeCut(event, onlyStep);
    }
    for (Routing.Route route : routing.routes(event.getClass())) {
      if (onlyStep < 0 || route.step() == onlyStep) {
        StepState state = state(route.step());
        if (state.isFanIn()) {
          fireBatches(state, state.member(event, lineage), out);
          continue;
        }
        StepState.InputSet set = !state.isJoin()
            ? new StepState.InputSet(new Event[] {event}, lineage)
            : state.join(event, lineage, route.slots());
        if (set != null) {
          fire(state, set, out);
        }
      }
    }
  }

  /**
   * Keeps an event for the waits that were open at the resumed cut and whose re-runs have not
   * opened them again, so an answer sent right after a resume reaches them.
   */
  private void keepForWaitsBeforeCut(Event event, int onlyStep) {
    for (var it = rearming.iterator(); it.hasNext(); ) {
      long key = it.next();
      Execution execution = inFlight.get(key);
      ExecutionProgress progress = execution == null ? null : inFlight.progressIfAny(key);
      if (progress == null || !progress.keepsForWaitBeforeCut()) {
        it.remove();
      } else if (onlyStep < 0 || execution.step() == onlyStep) {
        progress.keepForWaitBeforeCut(event);
      }
    }
  }

  /** Answers a collect call: as before the cut when the execution's re-run replays it, else from the buffer. */
  private List<Event> collect(Execution execution, Tick.CollectRequested collect) {
    ExecutionProgress progress = inFlight.progressOf(execution.id());
    if (progress.replaysCollect()) {
      return progress.nextCollectAnswer();
    }
    List<Event> set = state(execution.step()).collect(collect.event(), collect.expected());
    progress.collected(set);
    return set;
  }

  /**
   * Opens a wait; a wait the execution's re-run replays gets what it took before the cut at once
   * (its question is not asked again, its timeout not armed), and a wait that was open at the cut
   * is offered again what was offered to it then.
   */
  private void startWait(Execution execution, Tick.WaitStarted wait, Consumer<? super Command> out) {
    ExecutionProgress progress = inFlight.progressOf(execution.id());
    if (!progress.replaysWait(wait.seq())) {
      List<Event> offeredBefore = progress.waitOpened(wait.seq(), wait.type());
      long key = inFlight.newKey();
      waiters.start(wait, key, execution.step(), true, out);
      for (Event event : offeredBefore) {
        waiters.offered(key);
        out.accept(new Command.Offer(execution.id(), wait.seq(), event));
      }
      return;
    }
    Event took = progress.waitOutcome(wait.seq());
    if (took == null) {
      out.accept(new Command.WaitExpired(execution.id(), wait.seq(), wait.type(), wait.timeout()));
      return;
    }
    // Registered quietly, so that a re-run whose predicate now refuses the old event still gets new ones.
    long key = inFlight.newKey();
    waiters.start(wait, key, execution.step(), false, out);
    waiters.offered(key);
    out.accept(new Command.Offer(execution.id(), wait.seq(), took));
  }

  /** Fires a fan-in's complete batch, and any after it that are complete too (a batch may be empty). */
  private void fireBatches(StepState state, StepState.InputSet set, Consumer<? super Command> out) {
    for (; set != null && !finished; set = state.completeBatch()) {
      fire(state, set, out);
    }
  }

  private void fire(StepState state, StepState.InputSet set, Consumer<? super Command> out) {
    if (state.hasFreeWorker() && !state.hasQueued()) {
      state.busy++;
      launch(new Execution(inFlight.newKey(), state.step.index(), set.events(), 1, false, state.takeWorker(),
          set.lineage(), null, Duration.ZERO), out);
    } else {
      state.enqueue(set);
      if (stepStateEvents) {
        out.accept(StepStateEvents.queued(state.step, set.events()));
      }
    }
  }

  private void launch(Execution execution, Consumer<? super Command> out) {
    inFlight.put(execution);
    publishState(execution, StepStateChanged.Status.RUNNING, List.of(), out);
    out.accept(new Command.StartStep(execution.id(), execution.step(), execution.events(), execution.attempt(),
        execution.lastError()));
    Duration stepTimeout = state(execution.step()).step.timeout();
    if (!stepTimeout.isZero()) {
      out.accept(new Command.Schedule(execution.id(), new Tick.StepTimedOut(execution.id()), stepTimeout));
    }
  }

  /** The execution is over: free its worker for the oldest queued input set, if any. */
  private void release(Execution execution, Consumer<? super Command> out) {
    StepState state = state(execution.step());
    if (!state.step.timeout().isZero()) {
      out.accept(new Command.Unschedule(execution.id()));
    }
    StepState.InputSet next = state.nextQueued();
    if (next == null) {
      state.busy--;
      state.freeWorker(execution.worker());
    } else {
      launch(new Execution(inFlight.newKey(), execution.step(), next.events(), 1, false, execution.worker(),
          next.lineage(), null, Duration.ZERO), out);
    }
  }

  private void fail(Execution execution, Throwable error, Duration attemptElapsed, Consumer<? super Command> out) {
    inFlight.remove(execution.id());
    waiters.endAll(execution.id(), out);
    publishState(execution, StepStateChanged.Status.FAILED, List.of(), out);
    StepState state = state(execution.step());
    Duration elapsed = execution.elapsed().plus(attemptElapsed);
    Duration delay = RetryPlanner.delayAfter(
        retryPolicies.of(state.step), execution.attempt(), error, elapsed, runId, state.step.name());
    if (delay == null) {
      recoverOrFinish(execution, error, elapsed, out);
      return;
    }
    // The retry keeps the worker, under a new id so late reports of the failed attempt are ignored.
    if (!state.step.timeout().isZero()) {
      out.accept(new Command.Unschedule(execution.id()));
    }
    // The delay counts as elapsed: a policy's time limit is wall time since the first attempt began.
    Execution retry = execution.retry(inFlight.newKey(), !delay.isZero(), error, elapsed.plus(delay));
    if (!retry.waiting()) {
      launch(retry, out);
    } else {
      inFlight.waitToRetry(retry, delay, out);
    }
  }

  /** Retries are exhausted: hand the failure to the step's error handler, or fail the run. */
  private void recoverOrFinish(Execution execution, Throwable error, Duration elapsed, Consumer<? super Command> out) {
    switch (Recovery.after(routing, state(execution.step()).step, execution.events(), execution.attempt(),
        execution.lineage(), error, elapsed)) {
      case Recovery.Recover recover -> {
        release(execution, out);
        deliver(recover.failure(), recover.handler(), recover.lineage(), out);
      }
      case Recovery.Fail failed -> finish(new Command.Finish(failed.event(), failed.error(), false), out);
    }
  }

  private void publishState(Execution execution, StepStateChanged.Status status, List<Event> outputs,
      Consumer<? super Command> out) {
    if (stepStateEvents) {
      out.accept(StepStateEvents.changed(state(execution.step()).step, execution, status, outputs));
    }
  }

  private void finish(Command.Finish end, Consumer<? super Command> out) {
    finished = true;
    for (Execution execution : inFlight.all()) {
      if (!execution.waiting()) {
        out.accept(new Command.CancelStep(execution.id()));
      }
    }
    inFlight.clear();
    waiters.clear();
    rearming.clear();
    for (StepState state : steps) {
      if (state != null) {
        state.clear();
      }
    }
    out.accept(end);
  }
}
