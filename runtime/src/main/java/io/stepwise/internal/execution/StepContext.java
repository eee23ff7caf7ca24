package io.stepwise.internal.execution;

import io.stepwise.CompiledWorkflow;
import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.RetryInfo;
import io.stepwise.RunOptions;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.Store;
import io.stepwise.WorkflowCancelledException;
import io.stepwise.internal.children.ExecutionChildren;
import io.stepwise.internal.loop.Produces;
import io.stepwise.internal.loop.Tick.CollectRequested;
import io.stepwise.internal.loop.Tick.EventSent;
import io.stepwise.internal.loop.Tick.StreamWritten;
import io.stepwise.observe.RunObserver;
import io.stepwise.spi.StepDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The {@link Context} a step execution hands its step: what the step may do to its run (send,
 * write to the stream, edit the state and store, collect, wait, start child runs), each turned into
 * a tick for the loop, and refused once the execution was cancelled.
 *
 * <p>{@link StepExecution} extends it, so that starting a step makes one object, not two: this
 * class is what the step sees, the subclass how the execution runs on its thread.
 */
abstract sealed class StepContext implements Context<Object> permits StepExecution {
  final ExecutionHost run;
  final long id;
  final StepDescriptor step;
  final int attempt;
  final Throwable lastError;
  volatile boolean cancelled;
  // Made on first use: most executions never wait or start a child run.
  private volatile Waiting waiting;
  volatile ExecutionChildren children;
  private volatile CompletableFuture<List<Event>> collectAnswer;
  private ExecutionStore store; // made when the step first asks for the store

  StepContext(ExecutionHost run, long id, StepDescriptor step, int attempt, Throwable lastError) {
    this.run = run;
    this.id = id;
    this.step = step;
    this.attempt = attempt;
    this.lastError = lastError;
  }

  @Override
  public String runId() {
    return run.runId();
  }

  @Override
  public void sendEvent(Event event) {
    checkDeclared(event);
    if (!cancelled) {
      run.post(new EventSent(id, event, -1));
    }
  }

  @Override
  public void sendEvent(Event event, String target) {
    checkDeclared(event);
    int index = run.routing().checkTarget(event, Objects.requireNonNull(target, "step"));
    if (!cancelled) {
      run.post(new EventSent(id, event, index));
    }
  }

  @Override
  public void writeEventToStream(Event event) {
    Objects.requireNonNull(event, "event");
    if (!cancelled && roomOnStream()) {
      run.post(new StreamWritten(id, event));
    }
  }

  /**
   * Waits, on a {@code BLOCK} stream, until the reader made room. A run cancels its executions
   * before it ends its stream, so a write turned away by the end, like one interrupted, was
   * cancelled while it waited: it throws, whichever of the two reached the step first.
   */
  private boolean roomOnStream() {
    boolean admitted;
    try {
      admitted = run.stream().admit();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw cancelledWhile("waiting for the stream's reader to make room");
    }
    if (!admitted && cancelled) {
      throw cancelledWhile("waiting for the stream's reader to make room");
    }
    return admitted;
  }

  @Override
  public Object state() {
    return run.data().state();
  }

  @Override
  public void editState(Consumer<? super Object> edit) {
    checkLive("editing the state");
    run.data().edit(edit::accept);
  }

  @Override
  public Object updateState(UnaryOperator<Object> update) {
    checkLive("updating the state");
    return run.data().update(update);
  }

  @Override
  public Store store() {
    ExecutionStore view = store;
    if (view == null) {
      view = new ExecutionStore(this, run.data());
      store = view; // racing steps of one execution may each make one: they are alike
    }
    return view;
  }

  /** Refuses a change to the run's state or store from an execution the run no longer counts. */
  void checkLive(String doing) {
    if (cancelled) {
      throw new WorkflowCancelledException("Step '" + step.name() + "' of run " + run.runId() + " was cancelled"
          + " (the run ended, or the step timed out), so it cannot go on " + doing + "; end the step when it is"
          + " interrupted");
    }
  }

  @Override
  public Optional<List<Event>> collectEvents(Event event, List<? extends Class<? extends Event>> expected) {
    return collect(event, expected, null);
  }

  @Override
  public Optional<List<Event>> collectEvents(Event event, List<? extends Class<? extends Event>> expected,
      Predicate<? super Event> filter) {
    return collect(event, expected, Objects.requireNonNull(filter, "filter"));
  }

  /** @param filter null when every event of an expected type is collected */
  private Optional<List<Event>> collect(Event event, List<? extends Class<? extends Event>> expected,
      Predicate<? super Event> filter) {
    Objects.requireNonNull(event, "event");
    List<Class<? extends Event>> types = List.copyOf(expected);
    if (types.isEmpty()) {
      return Optional.of(List.of());
    }
    if (types.stream().noneMatch(type -> type.isInstance(event))) {
      throw new IllegalArgumentException("Step '" + step.name() + "' collects " + types.stream()
          .map(Class::getSimpleName).sorted().toList() + ", but was given " + event.getClass().getName()
          + "; pass an event of an expected type, or add its type to the expected list");
    }
    // Tested here, on the step's thread, before the loop hears of the call: an event the filter
    // refuses is never buffered, and the loop records (and a resumed run replays) only the calls
    // whose event it let through, which a re-run makes again as long as the filter looks only at
    // the event.
    if (filter != null && !filter.test(event)) {
      return Optional.empty();
    }
    checkNotCancelled();
    CompletableFuture<List<Event>> answer = new CompletableFuture<>();
    collectAnswer = answer;
    run.post(new CollectRequested(id, event, types));
    try {
      return Optional.ofNullable(answer.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw cancelledWhile("collecting events");
    } catch (ExecutionException e) {
      throw new IllegalStateException("collectEvents failed", e.getCause());
    } finally {
      collectAnswer = null;
    }
  }

  /** The loop's answer to this execution's pending {@code collectEvents}. */
  public void collected(List<Event> set) {
    CompletableFuture<List<Event>> answer = collectAnswer;
    if (answer != null) {
      answer.complete(set);
    }
  }

  @Override
  public <E extends Event> E waitForEvent(Class<E> type, Event waiterEvent, Predicate<? super E> match,
      Duration timeout) {
    checkNotCancelled();
    return waiting().await(step.name(), type, waiterEvent, match, timeout);
  }

  /** The step's side of its waits; the driver hands it the loop's {@code Offer} and {@code WaitExpired} commands. */
  public Waiting waiting() {
    Waiting current = waiting;
    if (current == null) {
      synchronized (this) {
        current = waiting;
        if (current == null) {
          current = new Waiting(run, id);
          waiting = current;
        }
      }
    }
    return current;
  }

  @Override
  public RetryInfo retryInfo() {
    return new RetryInfo(attempt, run.maxAttempts(step), lastError); // a value, made when asked
  }

  @Override
  public <CS extends StartEvent, CR extends StopEvent> CR runChild(CompiledWorkflow<CS, CR> child, CS start) {
    return children().run(child, start, step.name());
  }

  private boolean isCancelled() {
    return cancelled;
  }

  /** The child runs this execution started, or null when it never started one. */
  public ExecutionChildren childrenIfAny() {
    return children;
  }

  /** The child runs this execution is waiting for. */
  public ExecutionChildren children() {
    ExecutionChildren current = children;
    if (current == null) {
      synchronized (this) {
        current = children;
        if (current == null) {
          RunOptions.Builder options =
              RunOptions.builder().streamBuffer(run.stream().capacity(), run.stream().overflow());
          List<RunObserver> inherited = run.inheritedObservers();
          if (inherited != null) { // a child run is watched by the observers given to its parent's run
            inherited.forEach(options::observer);
          }
          current = new ExecutionChildren(this, this::isCancelled, run.children(), options.build(), inherited == null ? null
              : (workflow, childRunId) -> run.childRunStarted((StepExecution) this, workflow, childRunId));
          children = current;
        }
      }
    }
    return current;
  }

  private void checkNotCancelled() {
    if (cancelled) {
      throw cancelledWhile("starting to wait");
    }
  }

  WorkflowCancelledException cancelledWhile(String doing) {
    return new WorkflowCancelledException("Step '" + step.name() + "' of run " + run.runId()
        + " was cancelled while " + doing);
  }

  private void checkDeclared(Event event) {
    String undeclared = Produces.undeclared(step, Objects.requireNonNull(event, "event"));
    if (undeclared != null) {
      throw new IllegalStateException(undeclared);
    }
  }

  @Override
  public String toString() {
    return "Context[run " + run.runId() + ", step '" + step.name() + "', execution " + id + "]";
  }
}
