package io.stepwise.observe;

/**
 * Watches what runs do: runs starting and ending, step executions starting, finishing, failing,
 * being retried or cancelled, events being routed, child runs starting. Every method does nothing
 * by default, so an observer overrides only what it needs.
 *
 * <p>Register one per run with {@link io.stepwise.RunOptions.Builder#observer}, which child runs
 * started with {@code ctx.runChild} inherit, or for every run in the JVM by listing its class
 * (public, with a public no-argument constructor) in
 * {@code META-INF/services/io.stepwise.observe.RunObserver}. A run without observers pays nothing:
 * no event object is made, no observer is called.
 *
 * <p><b>Threads.</b> {@link #runStarted} is called on the thread that calls {@code run} or
 * {@code resume}, before it returns, so the caller's thread-local context (a tracing span, say) is
 * current there. {@link #stepEntered} and {@link #childRunStarted} are called on the step's own
 * thread. Every other call comes from the run's control loop, one at a time and in the order the
 * loop saw things happen, but not always on the same thread. Calls for different runs, and the
 * step-thread calls, may come concurrently: an observer shared by runs must be thread-safe. Calls
 * happen inside the loop, so an observer must be quick; hand slow work to another thread.
 *
 * <p><b>Failures.</b> An observer cannot break a run: whatever a call throws is caught, and the
 * run goes on as if the observer were absent. The first failure of each observer in a run is
 * logged as a warning on the {@code io.stepwise} {@code System.Logger} and published on the run's
 * stream as an {@link io.stepwise.ObserverFailedEvent}; its later failures in that run are not
 * reported again. The observer keeps getting the run's calls (so it can still end what it began).
 */
public interface RunObserver {
  /** A run started, or resumed from a snapshot. */
  default void runStarted(RunStarted run) {}

  /** A run ended, however it ended; its result completes after this call returns. */
  default void runEnded(RunEnded run) {}

  /** An execution of a step starts (every attempt is an execution of its own). */
  default void stepStarted(StepStarted step) {}

  /**
   * The step's body is about to run on the current thread; the returned scope is closed on the
   * same thread right after the body returns or throws. Lets an observer make something current
   * for the body, such as a tracing span, so that what the body calls (a child run, an HTTP
   * client) sees it. An async step's body ends when it returns its stage. Default: no scope.
   *
   * @return a scope to close, or null
   */
  default Scope stepEntered(StepStarted step) {
    return null;
  }

  /** An execution returned its events; they are routed after this call. */
  default void stepFinished(StepFinished step) {}

  /**
   * An execution failed: it threw, its async result failed, it timed out, or it returned an event
   * its step does not declare. {@link #stepRetrying} follows when the step's retry policy tries
   * again; otherwise its error handler gets a {@code StepFailedEvent}, or the run fails.
   */
  default void stepFailed(StepFailed step) {}

  /** A failed step is tried again after {@link StepRetrying#delay()}; its next attempt starts as usual. */
  default void stepRetrying(StepRetrying step) {}

  /** An execution was cancelled while it ran: the run ended under it (a stop event elsewhere, a timeout, a cancel). */
  default void stepCancelled(StepCancelled step) {}

  /** An event entered the run (the start event, one sent from outside, one a step returned or sent) and was routed. */
  default void eventRouted(EventRouted event) {}

  /** A step started (or resumed) a child run with {@code ctx.runChild}; called on the step's thread. */
  default void childRunStarted(ChildRunStarted child) {}

  /** What {@link #stepEntered} made current; closing it restores what was current before. */
  @FunctionalInterface
  interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
