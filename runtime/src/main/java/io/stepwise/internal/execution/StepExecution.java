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
import io.stepwise.internal.Log;
import io.stepwise.internal.children.ChildRuns;
import io.stepwise.internal.loop.Produces;
import io.stepwise.internal.loop.Tick.CollectRequested;
import io.stepwise.internal.loop.Tick.EventSent;
import io.stepwise.internal.loop.Tick.StepReturned;
import io.stepwise.internal.loop.Tick.StepThrew;
import io.stepwise.internal.loop.Tick.StreamWritten;
import io.stepwise.internal.loop.Tick;
import io.stepwise.internal.observe.RunObservation;
import io.stepwise.internal.run.RunDriver;
import io.stepwise.observe.RunObserver;
import io.stepwise.spi.StepDescriptor;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One execution of a step on its own virtual thread, and the {@link Context} that execution
 * sees. It reports back to the loop only through ticks.
 */
public final class StepExecution implements Context<Object>, Runnable {

  private final RunDriver<?> run;
  private final long id;
  private final StepDescriptor step;
  private final Event[] events;
  private final int attempt;
  private final Throwable lastError;
  // Made on first use: most executions never wait or start a child run.
  private volatile Waiting waiting;
  private volatile ChildRuns children;
  private volatile CompletableFuture<List<Event>> collectAnswer;
  private long startedAt;
  private volatile Thread thread;
  private volatile CompletableFuture<?> async;
  private volatile boolean cancelled;
  private ExecutionStore store; // made when the step first asks for the store

  public StepExecution(RunDriver<?> run, long id, StepDescriptor step, Event[] events, int attempt, Throwable lastError) {
    this.run = run;
    this.id = id;
    this.step = step;
    this.events = events;
    this.attempt = attempt;
    this.lastError = lastError;
  }

  /** The loop's answer to this execution's pending {@code collectEvents}. */
  public void collected(List<Event> set) {
    CompletableFuture<List<Event>> answer = collectAnswer;
    if (answer != null) {
      answer.complete(set);
    }
  }

  /** Called by the driver for the loop's {@code Offer} and {@code WaitExpired} commands. */
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

  public void start(ThreadFactory threads) {
    threads.newThread(this).start();
  }

  /** Interrupts the step's thread and cancels its async result; what it reports later is dropped. */
  public void cancel() {
    cancelled = true;
    ChildRuns running = children;
    if (running != null) {
      running.cancelAll();
    }
    Thread stepThread = thread;
    if (stepThread != null) {
      stepThread.interrupt();
    }
    CompletableFuture<?> pending = async;
    if (pending != null) {
      pending.cancel(true);
    }
  }

  /** Runs this execution, then any execution the loop handed to this thread on the way out. */
  @Override
  public void run() {
    StepExecution next = this;
    while (next != null) {
      next = next.runHere();
    }
  }

  /** Starts the execution on the current thread instead of a new one; see {@link RunDriver#postLast}. */
  private StepExecution runHere() {
    thread = Thread.currentThread();
    Thread.interrupted(); // a stale interrupt aimed at the previous execution on this thread
    if (cancelled) {
      return null; // cancelled before it began (checked after clearing, so no cancel is lost)
    }
    Level level = run.logLevel();
    if (level != null && Log.get().isLoggable(level)) {
      Log.get().log(level, "run {0}: step ''{1}'' starts on {2} (execution {3}, attempt {4})",
          run.runId(), step.name(), Arrays.toString(events), id, attempt);
    }
    RunObservation observation = run.observation();
    // Closed before reporting: what reports may run the loop, and the next execution, on this thread.
    RunObserver.Scope scope = observation == null ? null : observation.stepEntered(this, events);
    startedAt = System.nanoTime();
    Object returned;
    try {
      returned = run.invoker.invoke(step.index(), events, this);
    } catch (Throwable error) { // a step's Error fails the run instead of killing the loop silently
      if (scope != null) {
        scope.close();
      }
      return run.postLast(report(null, error));
    }
    if (scope != null) {
      scope.close();
    }
    if (returned instanceof CompletionStage<?> stage) {
      awaitAsync(stage);
      return null;
    }
    return run.postLast(report(returned, null));
  }

  /** Counts as in flight until the stage completes; the step's thread is free meanwhile. */
  private void awaitAsync(CompletionStage<?> stage) {
    try {
      CompletableFuture<?> future = stage.toCompletableFuture();
      async = future;
      if (cancelled) {
        future.cancel(true);
      }
    } catch (UnsupportedOperationException notCancellable) {
      // a foreign stage that cannot be cancelled: its result is ignored once cancelled
    }
    stage.whenComplete((value, error) -> run.post(report(value, error)));
  }

  private Tick report(Object returned, Throwable error) {
    ChildRuns made = children;
    if (made != null) {
      made.close();
    }
    Tick tick;
    if (error != null) {
      boolean wrapped = error instanceof CompletionException && error.getCause() != null;
      tick = new StepThrew(id, wrapped ? error.getCause() : error, Duration.ofNanos(System.nanoTime() - startedAt));
    } else {
      try {
        tick = new StepReturned(id, Emissions.of(step.name(), returned));
      } catch (IllegalStateException notAnEvent) {
        tick = new StepThrew(id, notAnEvent);
      }
    }
    Level level = run.logLevel();
    if (level != null && Log.get().isLoggable(level)) {
      Log.get().log(level, "run {0}: step ''{1}'' {2} (execution {3})", run.runId(), step.name(),
          tick instanceof StepReturned done ? "finished, produced " + done.emitted()
              : "failed: " + ((StepThrew) tick).error(), id);
    }
    return tick;
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
    int index = run.routing.checkTarget(event, Objects.requireNonNull(target, "step"));
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
      admitted = run.stream.admit();
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
    return run.data.state();
  }

  @Override
  public void editState(Consumer<? super Object> edit) {
    checkLive("editing the state");
    run.data.edit(edit::accept);
  }

  @Override
  public Object updateState(UnaryOperator<Object> update) {
    checkLive("updating the state");
    return run.data.update(update);
  }

  @Override
  public Store store() {
    ExecutionStore view = store;
    if (view == null) {
      view = new ExecutionStore(this, run.data);
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

  @Override
  public <E extends Event> E waitForEvent(Class<E> type, Event waiterEvent, Predicate<? super E> match,
      Duration timeout) {
    checkNotCancelled();
    return waiting().await(step.name(), type, waiterEvent, match, timeout);
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

  /** The step this execution runs. */
  public String stepName() {
    return step.name();
  }

  public StepDescriptor step() {
    return step;
  }

  public long id() {
    return id;
  }

  public int attempt() {
    return attempt;
  }

  /** When the body started ({@link System#nanoTime}); read after the execution reported. */
  public long startedAt() {
    return startedAt;
  }

  /** The child runs this execution started, or null when it never started one. */
  public ChildRuns childrenIfAny() {
    return children;
  }

  /** The child runs this execution is waiting for. */
  public ChildRuns children() {
    ChildRuns current = children;
    if (current == null) {
      synchronized (this) {
        current = children;
        if (current == null) {
          RunOptions.Builder options = RunOptions.builder().streamBuffer(run.stream.capacity(), run.stream.overflow());
          RunObservation observation = run.observation();
          if (observation != null) { // a child run is watched by the observers given to its parent's run
            observation.inherited().forEach(options::observer);
          }
          current = new ChildRuns(this, this::isCancelled, run.children, options.build(), observation == null ? null
              : (workflow, childRunId) -> observation.childRunStarted(this, workflow, childRunId));
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

  private WorkflowCancelledException cancelledWhile(String doing) {
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
