package io.stepwise.internal.trace;

import io.stepwise.Event;
import io.stepwise.StepFailedEvent;
import io.stepwise.WorkflowFailedEvent;
import io.stepwise.internal.IdTable;
import io.stepwise.internal.execution.StepExecution;
import io.stepwise.internal.loop.Command;
import io.stepwise.internal.loop.Routing;
import io.stepwise.internal.loop.Tick;
import io.stepwise.internal.trace.ExecutionRecorder;
import java.util.List;

/**
 * Turns what the driver sees into {@link ExecutionRecorder} calls, so the loop stays a pure
 * reducer: emissions are read from the ticks the driver feeds it, starts, deliveries and final
 * failures from the commands it carries out. Called on the draining thread only.
 */
public final class TraceRecording {
  private TraceRecording() {}

  /** A step returned: each event it produced was emitted by it. Ticks of cancelled executions are not counted. */
  public static void returned(ExecutionRecorder recorder, StepExecution execution, List<Event> emitted) {
    if (recorder == null || execution == null) {
      return;
    }
    for (Event event : emitted) {
      recorder.eventEmitted(execution.stepName(), event.getClass());
    }
  }

  /** Events that enter the run: the start event, events from outside, and events a step sent. */
  public static void tick(ExecutionRecorder recorder, Tick tick, IdTable<StepExecution> executions) {
    switch (tick) {
      case Tick.Started started -> recorder.eventEmitted(null, started.start().getClass());
      case Tick.EventPosted posted -> recorder.eventEmitted(null, posted.event().getClass());
      case Tick.EventSent sent -> {
        StepExecution execution = executions.get(sent.execution());
        if (execution != null) {
          recorder.eventEmitted(execution.stepName(), sent.event().getClass());
        }
      }
      default -> {}
    }
  }

  /**
   * A step starts (every attempt counts); its first attempt is a delivery of each of its events.
   * A failure handed to a handler, or one that fails the run, is a step's final failure.
   */
  public static void command(ExecutionRecorder recorder, Command command, Routing routing) {
    switch (command) {
      case Command.StartStep start -> {
        String step = routing.steps().get(start.step()).name();
        recorder.stepStarted(step);
        if (start.attempt() <= 1) {
          for (Event event : start.events()) {
            recorder.eventRouted(null, event.getClass(), step);
            if (event instanceof StepFailedEvent failed) {
              recorder.stepFailed(failed.step());
            }
          }
        }
      }
      case Command.Finish finish -> {
        if (finish.terminal() instanceof WorkflowFailedEvent failed && !failed.step().isEmpty()) {
          recorder.stepFailed(failed.step());
        }
      }
      default -> {}
    }
  }
}
