package io.stepwise.internal.loop;

import io.stepwise.Event;
import io.stepwise.StepFailedEvent;
import io.stepwise.internal.loop.SimulatedExecution.Call;
import io.stepwise.internal.loop.SimulatedFlow.Entry;
import io.stepwise.internal.loop.SimulatedFlow.Gathered;
import io.stepwise.internal.loop.SimulatedFlow.Item;
import io.stepwise.internal.loop.SimulatedFlow.Left;
import io.stepwise.internal.loop.SimulatedFlow.Processed;
import io.stepwise.internal.loop.SimulatedFlow.Progress;
import io.stepwise.internal.loop.SimulatedFlow.Question;
import io.stepwise.internal.loop.SimulatedFlow.Right;
import io.stepwise.internal.loop.SimulatedFlow.Route;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The bodies of {@link SimulatedFlow}'s steps as call sequences. Each body is deterministic given
 * its input, its attempt and the answers it got, as the replay of an execution in flight assumes.
 */
final class SimulatedSteps {
  private final SimulatedFlow flow;
  private final List<Class<? extends Event>> expected;

  SimulatedSteps(SimulatedFlow flow) {
    this.flow = flow;
    this.expected = Collections.nCopies(flow.items().size(), Processed.class);
  }

  /** The next call of an execution's body, given what it has done and been answered so far. */
  Call next(SimulatedExecution execution) {
    return switch (execution.step) {
      case SimulatedFlow.FAN -> fan(execution.done);
      case SimulatedFlow.WORK -> work(flow.entry(((Item) execution.events[0]).id()), execution);
      case SimulatedFlow.PAIR -> new Call.Return(List.of(
          new Processed(((Left) execution.events[0]).id(), "left"),
          new Processed(((Right) execution.events[1]).id(), "right")));
      case SimulatedFlow.GATHER -> gather(execution);
      case SimulatedFlow.RECOVER -> new Call.Return(List.of(
          new Processed(((Item) ((StepFailedEvent) execution.events[0]).input()).id(), "recovered")));
      default -> throw new IllegalStateException("no step " + execution.step);
    };
  }

  /**
   * Maybe writes a progress event, then sends the items planned as sent, one call each, and returns
   * the others. It writes first: once its items are out, the run may end before it goes on.
   */
  private Call fan(int done) {
    List<Event> sent = new ArrayList<>();
    List<Event> returned = new ArrayList<>();
    for (Entry item : flow.items()) {
      (item.sent() ? sent : returned).add(new Item(item.id()));
    }
    int sends = done - (flow.fanWrites() ? 1 : 0);
    if (sends < 0) {
      return new Call.Write(new Progress("fanning"));
    }
    return sends < sent.size() ? new Call.Send(sent.get(sends)) : new Call.Return(returned);
  }

  /**
   * Maybe writes its progress, maybe fails its first attempt (or every attempt), maybe waits for its
   * reply (or until the wait times out), then passes the item on.
   */
  private static Call work(Entry item, SimulatedExecution execution) {
    int done = execution.done + (item.writes() ? 0 : 1); // a body that does not write starts one call later
    if (done == 0) {
      return new Call.Write(new Progress("work " + item.id() + " attempt " + execution.attempt));
    }
    if (done == 1 && item.route() == Route.FAILS) {
      return new Call.Throw("item " + item.id() + " always fails");
    }
    if (done == 1 && item.failsOnce() && execution.attempt == 1) {
      return new Call.Throw("item " + item.id() + " fails once");
    }
    return switch (item.route()) {
      case DIRECT -> new Call.Return(List.of(new Processed(item.id(), "direct")));
      case LEFT -> new Call.Return(List.of(new Left(item.id())));
      case RIGHT -> new Call.Return(List.of(new Right(item.id())));
      case WAIT -> execution.matched == null ? new Call.Wait(new Question(item.id()), Duration.ZERO)
          : new Call.Return(List.of(new Processed(item.id(), "reply")));
      case TIMEOUT -> !execution.expired ? new Call.Wait(new Question(item.id()), SimulatedFlow.WAIT_TIMEOUT)
          : new Call.Return(List.of(new Processed(item.id(), "timeout")));
      case FAILS -> throw new IllegalStateException("item " + item.id() + " always fails before this");
    };
  }

  /** Collects one processed event per item; the execution that completes the set writes and returns the result. */
  private Call gather(SimulatedExecution execution) {
    if (execution.done == 0) {
      return new Call.Collect(execution.events[0], expected);
    }
    if (execution.collected == null) {
      return new Call.Return(List.of());
    }
    if (execution.done == 1) {
      return new Call.Write(new Progress("gathered"));
    }
    List<String> labels = new ArrayList<>();
    for (Event event : execution.collected) {
      Processed processed = (Processed) event;
      labels.add(SimulatedFlow.label(processed.id(), processed.via()));
    }
    labels.sort(null);
    return new Call.Return(List.of(new Gathered(labels)));
  }
}
