package io.stepwise.internal;

import io.stepwise.Event;
import io.stepwise.InputRequiredEvent;
import io.stepwise.StopEvent;
import io.stepwise.WorkflowCancelledEvent;
import io.stepwise.WorkflowCancelledException;
import io.stepwise.WorkflowFailedEvent;
import io.stepwise.WorkflowFailedException;
import io.stepwise.WorkflowTimedOutEvent;
import io.stepwise.WorkflowTimeoutException;
import io.stepwise.internal.Command.CancelStep;
import io.stepwise.internal.Command.Finish;
import io.stepwise.internal.Command.Publish;
import io.stepwise.internal.Command.Schedule;
import io.stepwise.internal.Command.StartStep;
import io.stepwise.internal.Command.Unschedule;
import io.stepwise.internal.Tick.CancelRequested;
import io.stepwise.internal.Tick.EventPosted;
import io.stepwise.internal.Tick.EventSent;
import io.stepwise.internal.Tick.RetryDue;
import io.stepwise.internal.Tick.RunTimedOut;
import io.stepwise.internal.Tick.Started;
import io.stepwise.internal.Tick.StepReturned;
import io.stepwise.internal.Tick.StepThrew;
import io.stepwise.internal.Tick.StepTimedOut;
import io.stepwise.internal.Tick.StreamWritten;
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
 */
public final class RunLoop {
  /** Timer key of the run timeout; execution ids start above it. */
  public static final long RUN_TIMER = 0;

  /** An execution the loop considers alive: started, or waiting out a retry delay. */
  private record Execution(long id, int step, Event[] events, int attempt, boolean waiting) {}

  private final String runId;
  private final Routing routing;
  private final Duration timeout;
  private final StepState[] steps;
  private final Map<Long, Execution> inFlight = new LinkedHashMap<>();
  private long nextExecution = RUN_TIMER + 1;
  private boolean finished;

  /**
   * @param timeout the run timeout, {@link Duration#ZERO} for none
   */
  public RunLoop(String runId, Routing routing, Duration timeout) {
    this.runId = runId;
    this.routing = routing;
    this.timeout = timeout;
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
        deliver(started.start(), -1, out);
      }
      case EventPosted posted -> deliver(posted.event(), posted.step(), out);
      case EventSent sent -> {
        if (inFlight.containsKey(sent.execution())) {
          deliver(sent.event(), sent.step(), out);
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
          fail(execution, threw.error(), out);
        }
      }
      case StepTimedOut timedOut -> {
        Execution execution = inFlight.get(timedOut.execution());
        if (execution != null && !execution.waiting()) {
          out.accept(new CancelStep(execution.id()));
          StepDescriptor step = steps[execution.step()].step;
          fail(execution, new TimeoutException(
              "Step '" + step.name() + "' timed out after " + step.timeout()), out);
        }
      }
      case RetryDue due -> {
        Execution execution = inFlight.get(due.execution());
        if (execution != null && execution.waiting()) {
          launch(new Execution(
              execution.id(), execution.step(), execution.events(), execution.attempt(), false), out);
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
        fail(execution, new IllegalStateException(undeclared), out);
        return;
      }
    }
    // Route before freeing the worker, so the step's own queue stays ahead of what it emitted.
    inFlight.remove(execution.id());
    for (int i = 0; i < emitted.size() && !finished; i++) {
      deliver(emitted.get(i), -1, out);
    }
    if (!finished) {
      release(execution, out);
    }
  }

  private void deliver(Event event, int onlyStep, Consumer<? super Command> out) {
    if (event instanceof StopEvent) {
      finish(event, null, out);
      return;
    }
    if (event instanceof InputRequiredEvent) {
      out.accept(new Publish(event));
    }
    for (Routing.Route route : routing.routes(event.getClass())) {
      if (onlyStep < 0 || route.step() == onlyStep) {
        StepState state = steps[route.step()];
        Event[] set = state.buffers.isEmpty() ? new Event[] {event} : state.join(event, route.slots());
        if (set != null) {
          fire(state, set, out);
        }
      }
    }
  }

  private void fire(StepState state, Event[] events, Consumer<? super Command> out) {
    if (state.hasFreeWorker() && state.queued.isEmpty()) {
      state.busy++;
      launch(new Execution(nextExecution++, state.step.index(), events, 1, false), out);
    } else {
      state.queued.addLast(events);
    }
  }

  private void launch(Execution execution, Consumer<? super Command> out) {
    inFlight.put(execution.id(), execution);
    out.accept(new StartStep(execution.id(), execution.step(), execution.events(), execution.attempt()));
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
    Event[] next = state.queued.pollFirst();
    if (next == null) {
      state.busy--;
    } else {
      launch(new Execution(nextExecution++, execution.step(), next, 1, false), out);
    }
  }

  private void fail(Execution execution, Throwable error, Consumer<? super Command> out) {
    inFlight.remove(execution.id());
    StepState state = steps[execution.step()];
    Duration delay = RetryPlanner.delayAfter(state.step.retry(), execution.attempt(), error);
    if (delay == null) {
      String step = state.step.name();
      finish(new WorkflowFailedEvent(step, error.getClass().getName(), error.getMessage()),
          new WorkflowFailedException(step,
              "Workflow '" + routing.workflow() + "' failed in step '" + step + "': " + error, error),
          out);
      return;
    }
    // The retry keeps the worker, under a new id so late reports of the failed attempt are ignored.
    if (!state.step.timeout().isZero()) {
      out.accept(new Unschedule(execution.id()));
    }
    Execution retry = new Execution(
        nextExecution++, execution.step(), execution.events(), execution.attempt() + 1, !delay.isZero());
    if (!retry.waiting()) {
      launch(retry, out);
    } else {
      inFlight.put(retry.id(), retry);
      out.accept(new Schedule(retry.id(), new RetryDue(retry.id()), delay));
    }
  }

  private void finish(Event terminal, RuntimeException error, Consumer<? super Command> out) {
    finished = true;
    for (Execution execution : inFlight.values()) {
      if (!execution.waiting()) {
        out.accept(new CancelStep(execution.id()));
      }
    }
    inFlight.clear();
    for (StepState state : steps) {
      state.clear();
    }
    out.accept(new Finish(terminal, error));
  }
}
