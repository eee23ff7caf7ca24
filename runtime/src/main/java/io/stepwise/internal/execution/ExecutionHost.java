package io.stepwise.internal.execution;

import io.stepwise.Event;
import io.stepwise.internal.children.RunChildren;
import io.stepwise.internal.loop.Routing;
import io.stepwise.internal.loop.Tick;
import io.stepwise.internal.state.RunData;
import io.stepwise.internal.stream.EventStream;
import io.stepwise.observe.RunObserver;
import io.stepwise.spi.StepDescriptor;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * The run a step execution belongs to, as the execution sees it: where it reports (ticks), what it
 * shares with the run's other executions (state, stream, children) and who is told when it starts.
 * The run's driver is the one implementation; the interface keeps this package from depending on it.
 */
public interface ExecutionHost {
  String runId();

  /** Calls the step method; the generated dispatch. */
  StepInvoker invoker();

  Routing routing();

  /** The run's state and store. */
  RunData data();

  /** The run's stream; a step takes its place on it before it writes (see {@link EventStream#admit}). */
  EventStream stream();

  /** The child runs in flight of all the run's executions, which an execution's children join. */
  RunChildren children();

  /** INFO when steps are logged, null when not. */
  Level logLevel();

  /** The most attempts the retry policy of {@code step} allows, for {@code ctx.retryInfo()}. */
  int maxAttempts(StepDescriptor step);

  /** Hands a tick to the run's loop. */
  void post(Tick tick);

  /**
   * Posts the last report of an execution from its own thread, which is about to end.
   *
   * @return an execution the loop started meanwhile, to run next on this thread, or null
   */
  StepExecution postLast(Tick tick);

  /** The execution's body starts on its thread; returns the observers' scope to close, or null without observers. */
  RunObserver.Scope stepEntered(StepExecution execution, Event[] events);

  /** The execution started (or resumed) a child run; observers hear of it. */
  void childRunStarted(StepExecution execution, String childWorkflow, String childRunId);

  /** The observers the run's child runs are watched by too, or null when the run has no observers. */
  List<RunObserver> inheritedObservers();
}
