package io.stepwise.internal;

import io.stepwise.Event;
import io.stepwise.InputRequiredEvent;
import io.stepwise.RestoredException;
import io.stepwise.StepStateChanged;
import io.stepwise.StopEvent;
import io.stepwise.WorkflowCancelledEvent;
import io.stepwise.WorkflowCancelledException;
import io.stepwise.WorkflowTimedOutEvent;
import io.stepwise.WorkflowTimeoutException;
import io.stepwise.internal.Command.CancelStep;
import io.stepwise.internal.Command.Collected;
import io.stepwise.internal.Command.Finish;
import io.stepwise.internal.Command.Offer;
import io.stepwise.internal.Command.Publish;
import io.stepwise.internal.Command.Schedule;
import io.stepwise.internal.Command.StartStep;
import io.stepwise.internal.Command.Unschedule;
import io.stepwise.internal.Command.WaitExpired;
import io.stepwise.internal.Tick.CancelRequested;
import io.stepwise.internal.Tick.CollectRequested;
import io.stepwise.internal.Tick.EventPosted;
import io.stepwise.internal.Tick.EventSent;
import io.stepwise.internal.Tick.Resumed;
import io.stepwise.internal.Tick.RetryDue;
import io.stepwise.internal.Tick.RunTimedOut;
import io.stepwise.internal.Tick.SnapshotRequested;
import io.stepwise.internal.Tick.Started;
import io.stepwise.internal.Tick.StepReturned;
import io.stepwise.internal.Tick.StepThrew;
import io.stepwise.internal.Tick.StepTimedOut;
import io.stepwise.internal.Tick.StreamWritten;
import io.stepwise.internal.Tick.WaitMatched;
import io.stepwise.internal.Tick.WaitStarted;
import io.stepwise.internal.Tick.WaitTimedOut;
import io.stepwise.spi.StepDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The control loop of one run as a reducer: {@link #reduce} folds a tick into the run's state
 * and emits the commands that follow from it. No threads, no clock, no I/O: a driver executes
 * the commands and feeds back what happens, so the loop is tested, journaled and replayed as is.
 * Everything it keeps (queues, join and collect buffers, waiters, pending retries, lineages) is
 * plain data.
 */
public final class RunLoop {
  /** Timer key of the run timeout; execution and wait keys start above it. */
  public static final long RUN_TIMER = 0;

  /**
   * An execution the loop considers alive: started, or waiting out a retry delay.
   *
   * @param worker the worker slot it holds
   * @param lineage error recoveries the chain of events leading to it went through
   * @param lastError what failed the previous attempt, null on the first
   * @param elapsed time spent in earlier attempts
   */
  private record Execution(long id, int step, Event[] events, int attempt, boolean waiting, int worker,
      int lineage, Throwable lastError, Duration elapsed) {}

  private final String runId;
  private final Routing routing;
  private final Duration timeout;
  private final boolean stepStateEvents;
  private final StepState[] steps;
  private final Map<Long, Execution> inFlight = new LinkedHashMap<>();
  private final Waiters waiters = new Waiters();
  private long nextKey = RUN_TIMER + 1;
  private boolean finished;

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
    List<StepDescriptor> descriptors = routing.steps();
    this.steps = new StepState[descriptors.size()];
    for (StepDescriptor step : descriptors) {
      steps[step.index()] = new StepState(step);
    }
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
      case Started started -> {
        if (!timeout.isZero()) {
          out.accept(new Schedule(RUN_TIMER, new RunTimedOut(), timeout));
        }
        deliver(started.start(), -1, 0, out);
      }
      case Resumed resumed -> {
        if (!timeout.isZero()) {
          out.accept(new Schedule(RUN_TIMER, new RunTimedOut(), timeout));
        }
        resume(resumed.image(), out);
      }
      case SnapshotRequested request -> out.accept(new Command.Captured(request.request(), image()));
      case EventPosted posted -> deliver(posted.event(), posted.step(), 0, out);
      case EventSent sent -> {
        Execution sender = inFlight.get(sent.execution());
        if (sender != null) {
          deliver(sent.event(), sent.step(), sender.lineage(), out);
        }
      }
      case StreamWritten written -> {
        if (inFlight.containsKey(written.execution())) {
          out.accept(new Publish(written.event()));
        }
      }
      case StepReturned returned -> returned(returned, out);
      case StepThrew threw -> {
        Execution execution = inFlight.get(threw.execution());
        if (execution != null && !execution.waiting()) {
          fail(execution, threw.error(), threw.elapsed(), out);
        }
      }
      case StepTimedOut timedOut -> {
        Execution execution = inFlight.get(timedOut.execution());
        if (execution != null && !execution.waiting()) {
          out.accept(new CancelStep(execution.id()));
          StepDescriptor step = steps[execution.step()].step;
          fail(execution, new TimeoutException(
              "Step '" + step.name() + "' timed out after " + step.timeout()), step.timeout(), out);
        }
      }
      case RetryDue due -> {
        Execution execution = inFlight.get(due.execution());
        if (execution != null && execution.waiting()) {
          launch(new Execution(execution.id(), execution.step(), execution.events(), execution.attempt(), false,
              execution.worker(), execution.lineage(), execution.lastError(), execution.elapsed()), out);
        }
      }
      case CollectRequested collect -> {
        Execution execution = inFlight.get(collect.execution());
        // A dead execution gets "not yet": its thread is being cancelled and must not block on us.
        List<Event> set = execution == null || execution.waiting() ? null
            : collect.expected().isEmpty() ? List.of()
            : steps[execution.step()].collect(collect.event(), collect.expected());
        out.accept(new Collected(collect.execution(), set));
      }
      case WaitStarted wait -> startWait(wait, out);
      case WaitMatched matched -> {
        Waiters.Waiter waiter = waiters.remove(matched.execution(), matched.seq());
        if (waiter != null && !waiter.timeout().isZero()) {
          out.accept(new Unschedule(waiter.key()));
        }
      }
      case WaitTimedOut expired -> {
        Waiters.Waiter waiter = waiters.remove(expired.execution(), expired.seq());
        if (waiter != null) {
          out.accept(new WaitExpired(waiter.execution(), waiter.seq(), waiter.type(), waiter.timeout()));
        }
      }
      case RunTimedOut ignored -> {
        List<String> active = activeSteps();
        finish(new WorkflowTimedOutEvent(timeout, active), new WorkflowTimeoutException(
            "Workflow '" + routing.workflow() + "' timed out after " + timeout + "; active steps: " + active,
            timeout, active), out);
      }
      case CancelRequested ignored -> finish(new WorkflowCancelledEvent(), new WorkflowCancelledException(
          "Run " + runId + " of workflow '" + routing.workflow() + "' was cancelled"), out);
    }
  }

  /** Names of the steps with running, retrying or queued executions, sorted. */
  public List<String> activeSteps() {
    List<String> active = new ArrayList<>();
    for (StepState state : steps) {
      if (state.isActive()) {
        active.add(state.step.name());
      }
    }
    active.sort(null);
    return active;
  }

  /** The loop's data at this cut; retry delays are given as zero, the driver knows what is left. */
  public LoopImage image() {
    List<LoopImage.StepImage> buffered = new ArrayList<>();
    for (StepState state : steps) {
      LoopImage.StepImage image = state.image();
      if (image != null) {
        buffered.add(image);
      }
    }
    List<LoopImage.ExecutionImage> executions = new ArrayList<>(inFlight.size());
    for (Execution execution : inFlight.values()) {
      Throwable error = execution.lastError();
      executions.add(new LoopImage.ExecutionImage(execution.id(), execution.step(), List.of(execution.events()),
          execution.attempt(), execution.lineage(), error == null ? null : ErrorNames.typeOf(error),
          error == null ? null : error.getMessage(), execution.elapsed(), execution.waiting() ? Duration.ZERO : null));
    }
    List<LoopImage.WaiterImage> waits = new ArrayList<>();
    for (Waiters.Waiter waiter : waiters.all()) {
      String type = waiter.type().getCanonicalName();
      waits.add(new LoopImage.WaiterImage(waiter.step(), type == null ? waiter.type().getName() : type,
          waiter.waiterEvent(),
          waiter.timeout()));
    }
    return new LoopImage(buffered, executions, waits);
  }

  /** Refills the buffers and runs the image's executions again; a retrying one waits out what was left. */
  private void resume(LoopImage image, Consumer<? super Command> out) {
    for (LoopImage.StepImage step : image.steps()) {
      steps[step.step()].restore(step);
    }
    for (LoopImage.ExecutionImage running : image.executions()) {
      StepState state = steps[running.step()];
      state.busy++;
      Throwable lastError = running.errorType() == null ? null
          : new RestoredException(running.errorType(), running.errorMessage());
      Execution execution = new Execution(nextKey++, running.step(), running.events().toArray(Event[]::new),
          running.attempt(), running.retryIn() != null, state.takeWorker(), running.lineage(), lastError,
          running.elapsed());
      if (execution.waiting()) {
        inFlight.put(execution.id(), execution);
        out.accept(new Schedule(execution.id(), new RetryDue(execution.id()), running.retryIn()));
      } else {
        launch(execution, out);
      }
    }
  }

  private void startWait(WaitStarted wait, Consumer<? super Command> out) {
    Execution execution = inFlight.get(wait.execution());
    if (execution == null || execution.waiting()) {
      return; // cancelled meanwhile: its thread is being interrupted
    }
    long key = nextKey++;
    waiters.add(new Waiters.Waiter(key, wait.execution(), wait.seq(), execution.step(), wait.type(),
        wait.waiterEvent(), wait.timeout()));
    if (wait.waiterEvent() != null) {
      out.accept(new Publish(wait.waiterEvent()));
    }
    if (!wait.timeout().isZero()) {
      out.accept(new Schedule(key, new WaitTimedOut(key, wait.execution(), wait.seq()), wait.timeout()));
    }
  }

  private void returned(StepReturned returned, Consumer<? super Command> out) {
    Execution execution = inFlight.get(returned.execution());
    if (execution == null || execution.waiting()) {
      return;
    }
    StepDescriptor step = steps[execution.step()].step;
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
    endWaits(execution, out);
    publishState(execution, StepStateChanged.Status.FINISHED, emitted, out);
    for (int i = 0; i < emitted.size() && !finished; i++) {
      deliver(emitted.get(i), -1, execution.lineage(), out);
    }
    if (!finished) {
      release(execution, out);
    }
  }

  private void deliver(Event event, int onlyStep, int lineage, Consumer<? super Command> out) {
    if (event instanceof StopEvent) {
      finish(event, null, out);
      return;
    }
    if (event instanceof InputRequiredEvent) {
      out.accept(new Publish(event));
    }
    for (Waiters.Waiter waiter : waiters.interestedIn(event, onlyStep)) {
      out.accept(new Offer(waiter.execution(), waiter.seq(), event));
    }
    for (Routing.Route route : routing.routes(event.getClass())) {
      if (onlyStep < 0 || route.step() == onlyStep) {
        StepState state = steps[route.step()];
        StepState.InputSet set = state.buffers.isEmpty()
            ? new StepState.InputSet(new Event[] {event}, lineage)
            : state.join(event, lineage, route.slots());
        if (set != null) {
          fire(state, set, out);
        }
      }
    }
  }

  private void fire(StepState state, StepState.InputSet set, Consumer<? super Command> out) {
    if (state.hasFreeWorker() && state.queued.isEmpty()) {
      state.busy++;
      launch(new Execution(nextKey++, state.step.index(), set.events(), 1, false, state.takeWorker(),
          set.lineage(), null, Duration.ZERO), out);
    } else {
      state.queued.addLast(set);
      if (stepStateEvents) {
        out.accept(new Publish(new StepStateChanged(state.step.name(), StepStateChanged.Status.QUEUED, -1, 0,
            names(List.of(set.events())), List.of())));
      }
    }
  }

  private void launch(Execution execution, Consumer<? super Command> out) {
    inFlight.put(execution.id(), execution);
    publishState(execution, StepStateChanged.Status.RUNNING, List.of(), out);
    out.accept(new StartStep(execution.id(), execution.step(), execution.events(), execution.attempt(),
        execution.lastError()));
    Duration stepTimeout = steps[execution.step()].step.timeout();
    if (!stepTimeout.isZero()) {
      out.accept(new Schedule(execution.id(), new StepTimedOut(execution.id()), stepTimeout));
    }
  }

  /** The execution is over: free its worker for the oldest queued input set, if any. */
  private void release(Execution execution, Consumer<? super Command> out) {
    StepState state = steps[execution.step()];
    if (!state.step.timeout().isZero()) {
      out.accept(new Unschedule(execution.id()));
    }
    StepState.InputSet next = state.queued.pollFirst();
    if (next == null) {
      state.busy--;
      state.freeWorker(execution.worker());
    } else {
      launch(new Execution(nextKey++, execution.step(), next.events(), 1, false, execution.worker(),
          next.lineage(), null, Duration.ZERO), out);
    }
  }

  private void fail(Execution execution, Throwable error, Duration attemptElapsed, Consumer<? super Command> out) {
    inFlight.remove(execution.id());
    endWaits(execution, out);
    publishState(execution, StepStateChanged.Status.FAILED, List.of(), out);
    StepState state = steps[execution.step()];
    Duration elapsed = execution.elapsed().plus(attemptElapsed);
    Duration delay = RetryPlanner.delayAfter(
        state.step.retry(), execution.attempt(), error, runId, state.step.name());
    if (delay == null) {
      recoverOrFinish(execution, error, elapsed, out);
      return;
    }
    // The retry keeps the worker, under a new id so late reports of the failed attempt are ignored.
    if (!state.step.timeout().isZero()) {
      out.accept(new Unschedule(execution.id()));
    }
    Execution retry = new Execution(nextKey++, execution.step(), execution.events(), execution.attempt() + 1,
        !delay.isZero(), execution.worker(), execution.lineage(), error, elapsed);
    if (!retry.waiting()) {
      launch(retry, out);
    } else {
      inFlight.put(retry.id(), retry);
      out.accept(new Schedule(retry.id(), new RetryDue(retry.id()), delay));
    }
  }

  /** Retries are exhausted: hand the failure to the step's error handler, or fail the run. */
  private void recoverOrFinish(Execution execution, Throwable error, Duration elapsed, Consumer<? super Command> out) {
    switch (Recovery.after(routing, steps[execution.step()].step, execution.events(), execution.attempt(),
        execution.lineage(), error, elapsed)) {
      case Recovery.Recover recover -> {
        release(execution, out);
        deliver(recover.failure(), recover.handler(), recover.lineage(), out);
      }
      case Recovery.Fail failed -> finish(failed.event(), failed.error(), out);
    }
  }

  private void endWaits(Execution execution, Consumer<? super Command> out) {
    for (Waiters.Waiter waiter : waiters.removeAll(execution.id())) {
      if (!waiter.timeout().isZero()) {
        out.accept(new Unschedule(waiter.key()));
      }
    }
  }

  private void publishState(Execution execution, StepStateChanged.Status status, List<Event> outputs,
      Consumer<? super Command> out) {
    if (stepStateEvents) {
      out.accept(new Publish(new StepStateChanged(steps[execution.step()].step.name(), status,
          execution.worker(), execution.attempt(), names(List.of(execution.events())), names(outputs))));
    }
  }

  private static List<String> names(List<Event> events) {
    List<String> names = new ArrayList<>(events.size());
    events.forEach(event -> names.add(event.getClass().getSimpleName()));
    return names;
  }

  private void finish(Event terminal, RuntimeException error, Consumer<? super Command> out) {
    finished = true;
    for (Execution execution : inFlight.values()) {
      if (!execution.waiting()) {
        out.accept(new CancelStep(execution.id()));
      }
    }
    inFlight.clear();
    waiters.clear();
    for (StepState state : steps) {
      state.clear();
    }
    out.accept(new Finish(terminal, error));
  }
}
