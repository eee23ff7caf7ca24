package io.stepwise.internal.observe;

import io.stepwise.Event;
import io.stepwise.StepFailedEvent;
import io.stepwise.StopEvent;
import io.stepwise.WorkflowCancelledEvent;
import io.stepwise.WorkflowTimedOutEvent;
import io.stepwise.internal.IdTable;
import io.stepwise.internal.execution.StepExecution;
import io.stepwise.internal.loop.Command;
import io.stepwise.internal.loop.Produces;
import io.stepwise.internal.loop.Routing;
import io.stepwise.internal.loop.RunEnds;
import io.stepwise.internal.loop.RunLoop;
import io.stepwise.internal.loop.Tick;
import io.stepwise.observe.ChildRunStarted;
import io.stepwise.observe.EventRouted;
import io.stepwise.observe.ObservedRun;
import io.stepwise.observe.RunEnded;
import io.stepwise.observe.RunObserver;
import io.stepwise.observe.RunOutcome;
import io.stepwise.observe.RunStarted;
import io.stepwise.observe.StepCancelled;
import io.stepwise.observe.StepFailed;
import io.stepwise.observe.StepFinished;
import io.stepwise.observe.StepRetrying;
import io.stepwise.observe.StepStarted;
import io.stepwise.spi.StepDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * Turns what a run's driver sees into {@link RunObserver} calls, as {@code TraceRecording} does
 * for traces, so the loop stays a pure reducer that knows nothing of observers: starts, retries
 * and cancels are read from the commands the loop emits, ends, failures and routing from the ticks
 * it is fed. Made only for a run with observers; the driver calls it on its draining thread, the
 * step hooks on the step's thread.
 */
public final class RunObservation {
  private final ObserverDispatch observers;
  private final List<RunObserver> inherited;
  private final Routing routing;
  private final ObservedRun run;
  private final LongPredicate routesSend;
  private long startedAt;
  // While a tick fails an execution: what failed, so that the commands it causes read as its retry.
  private StepExecution failing;
  private Throwable failingError;

  /**
   * @param observers every observer of the run
   * @param inherited those a child run started by one of its steps gets too
   * @param routesSend whether the loop routes what an execution sends now (see {@link RunLoop#routesSendOf})
   */
  public RunObservation(ObservedRun run, Routing routing, List<RunObserver> observers, List<RunObserver> inherited,
      LongPredicate routesSend) {
    this.run = run;
    this.routesSend = routesSend;
    this.routing = routing;
    this.observers = new ObserverDispatch(run.runId(), observers);
    this.inherited = List.copyOf(inherited);
  }

  /** The observers a child run of this run is given. */
  public List<RunObserver> inherited() {
    return inherited;
  }

  /** Before the loop folds {@code tick}: a run that starts, an event that enters, an execution that ends. */
  public void beforeTick(Tick tick, IdTable<StepExecution> executions) {
    switch (tick) {
      case Tick.Started started -> {
        startedAt = System.nanoTime();
        RunStarted event = new RunStarted(run, started.start());
        observers.each("runStarted", o -> o.runStarted(event));
        routed(started.start(), null, -1);
      }
      case Tick.Resumed ignored -> {
        startedAt = System.nanoTime();
        RunStarted event = new RunStarted(run, null);
        observers.each("runStarted", o -> o.runStarted(event));
      }
      case Tick.EventPosted posted -> routed(posted.event(), null, posted.step());
      case Tick.EventSent sent -> {
        StepExecution sender = executions.get(sent.execution());
        if (sender != null && routesSend.test(sent.execution())) {
          routed(sent.event(), sender.stepName(), sent.step());
        }
      }
      case Tick.StepReturned returned -> {
        StepExecution execution = executions.get(returned.execution());
        if (execution != null) {
          returned(execution, returned.emitted());
        }
      }
      case Tick.StepThrew threw -> {
        StepExecution execution = executions.get(threw.execution());
        if (execution != null) {
          failed(execution, threw.error(), threw.elapsed());
        }
      }
      case Tick.StepTimedOut timedOut -> {
        StepExecution execution = executions.get(timedOut.execution());
        if (execution != null) {
          StepDescriptor step = execution.step();
          failed(execution, RunEnds.stepTimedOut(step), step.timeout());
        }
      }
      default -> {}
    }
  }

  /** After the loop folded a tick: publishes the observer failures it caused. */
  public void afterTick(Consumer<Event> publish) {
    failing = null;
    failingError = null;
    observers.flushReports(publish);
  }

  /** A command the loop emitted, before the driver carries it out. */
  public void command(Command command, IdTable<StepExecution> executions) {
    switch (command) {
      case Command.StartStep start -> {
        String step = routing.steps().get(start.step()).name();
        if (start.attempt() == 1) {
          for (Event event : start.events()) {
            if (event instanceof StepFailedEvent failure) { // a recovery: routed by the loop, not by a step
              EventRouted routed = new EventRouted(run, failure, failure.step(), List.of(step));
              observers.each("eventRouted", o -> o.eventRouted(routed));
            }
          }
        } else if (failing != null && failing.step().index() == start.step()) {
          retrying(step, start.attempt(), Duration.ZERO);
        }
        StepStarted started = new StepStarted(run, step, start.execution(), start.attempt(), List.of(start.events()));
        observers.each("stepStarted", o -> o.stepStarted(started));
      }
      case Command.Schedule schedule when schedule.tick() instanceof Tick.RetryDue && failing != null ->
          retrying(failing.stepName(), failing.attempt() + 1, schedule.delay());
      case Command.CancelStep cancel -> {
        StepExecution execution = executions.get(cancel.execution());
        if (execution != null && execution != failing) { // a timed-out execution is cancelled as it fails
          StepCancelled cancelled = new StepCancelled(run, execution.stepName(), cancel.execution(), execution.attempt());
          observers.each("stepCancelled", o -> o.stepCancelled(cancelled));
        }
      }
      default -> {}
    }
  }

  /** The run ends with {@code terminal}; {@code error} is what its result throws, if anything. */
  public void runEnded(Event terminal, Throwable error, boolean released, Class<?> stopType, Consumer<Event> publish) {
    RunOutcome outcome = released ? RunOutcome.RELEASED
        : error == null && stopType.isInstance(terminal) ? RunOutcome.SUCCEEDED
        : terminal instanceof WorkflowTimedOutEvent ? RunOutcome.TIMED_OUT
        : terminal instanceof WorkflowCancelledEvent ? RunOutcome.CANCELLED
        : RunOutcome.FAILED;
    RunEnded ended = new RunEnded(run, outcome, terminal, error, Duration.ofNanos(System.nanoTime() - startedAt));
    observers.each("runEnded", o -> o.runEnded(ended));
    observers.flushReports(publish);
  }

  /** On the step's thread, right before its body runs. */
  public RunObserver.Scope stepEntered(StepExecution execution, Event[] events) {
    StepStarted entered = new StepStarted(run, execution.stepName(), execution.id(), execution.attempt(),
        List.of(events));
    return observers.enter("stepEntered", o -> o.stepEntered(entered));
  }

  /** On the step's thread: the execution started (or resumed) a child run. */
  public void childRunStarted(StepExecution execution, String childWorkflow, String childRunId) {
    ChildRunStarted started = new ChildRunStarted(run, execution.stepName(), execution.id(), childWorkflow,
        childRunId);
    observers.each("childRunStarted", o -> o.childRunStarted(started));
  }

  private void returned(StepExecution execution, List<Event> emitted) {
    for (Event event : emitted) {
      String undeclared = Produces.undeclared(execution.step(), event);
      if (undeclared != null) { // the loop fails the execution with the same error
        failed(execution, new IllegalStateException(undeclared), Duration.ZERO);
        return;
      }
    }
    StepFinished finished = new StepFinished(run, execution.stepName(), execution.id(), execution.attempt(), emitted,
        Duration.ofNanos(System.nanoTime() - execution.startedAt()));
    observers.each("stepFinished", o -> o.stepFinished(finished));
    for (Event event : emitted) {
      routed(event, execution.stepName(), -1);
      if (event instanceof StopEvent) {
        break; // the run ends here: the loop routes nothing after it
      }
    }
  }

  private void failed(StepExecution execution, Throwable error, Duration elapsed) {
    failing = execution;
    failingError = error;
    StepFailed failed = new StepFailed(run, execution.stepName(), execution.id(), execution.attempt(), error, elapsed);
    observers.each("stepFailed", o -> o.stepFailed(failed));
  }

  private void retrying(String step, int nextAttempt, Duration delay) {
    StepRetrying retrying = new StepRetrying(run, step, nextAttempt, failingError, delay);
    observers.each("stepRetrying", o -> o.stepRetrying(retrying));
  }

  /** {@code onlyStep} is a step index, or -1 for every step that takes the event. */
  private void routed(Event event, String fromStep, int onlyStep) {
    List<String> to = new ArrayList<>(2);
    if (!(event instanceof StopEvent)) {
      for (Routing.Route route : routing.routes(event.getClass())) {
        if (onlyStep < 0 || route.step() == onlyStep) {
          to.add(routing.steps().get(route.step()).name());
        }
      }
    }
    EventRouted routed = new EventRouted(run, event, fromStep, List.copyOf(to));
    observers.each("eventRouted", o -> o.eventRouted(routed));
  }
}
