package io.stepwise.internal.loop;

import io.stepwise.Event;
import io.stepwise.fixture.Steps;
import io.stepwise.spi.StepDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Drives a {@link RunLoop} by hand and records its commands as readable lines. */
final class LoopHarness {
  final List<StepDescriptor> steps;
  final RunLoop loop;
  final List<Command> commands = new ArrayList<>();

  LoopHarness(Duration timeout, Steps... steps) {
    this.steps = Steps.number(steps);
    this.loop = new RunLoop("run-1", new Routing("Flow", this.steps), timeout);
  }

  LoopHarness(Steps... steps) {
    this(Duration.ZERO, steps);
  }

  /** Has the loop publish {@code WorkflowIdleEvent}s, as a run started with {@code idleEvents(true)}. */
  LoopHarness idleEvents() {
    loop.idleEvents(true);
    return this;
  }

  /** Feeds a tick and returns the commands it produced, described. */
  List<String> tick(Tick tick) {
    int from = commands.size();
    loop.reduce(tick, commands::add);
    return commands.subList(from, commands.size()).stream().map(this::describe).toList();
  }

  List<String> start(Event start) {
    return tick(new Tick.Started(start));
  }

  List<String> returned(long execution, Event... emitted) {
    return tick(new Tick.StepReturned(execution, List.of(emitted)));
  }

  /** The last command, for assertions on values the description leaves out. */
  Command last() {
    return commands.get(commands.size() - 1);
  }

  private String describe(Command command) {
    return switch (command) {
      case Command.StartStep s -> "start #" + s.execution() + " " + steps.get(s.step()).name() + " "
          + Arrays.toString(s.events()) + (s.attempt() == 1 ? "" : " attempt " + s.attempt());
      case Command.CancelStep c -> "cancel #" + c.execution();
      case Command.Publish p -> "publish " + p.event();
      case Command.Schedule s -> "schedule " + s.tick() + " in " + s.delay();
      case Command.Unschedule u -> "unschedule " + u.key();
      case Command.Collected c -> "collected #" + c.execution() + " " + c.events();
      case Command.Offer o -> "offer #" + o.execution() + "/" + o.seq() + " " + o.event();
      case Command.WaitExpired w -> "expired #" + w.execution() + "/" + w.seq() + " " + w.type().getSimpleName();
      case Command.Captured c -> "captured #" + c.request();
      case Command.CheckIdle c -> "check idle";
      case Command.Finish f -> "finish " + f.terminal()
          + (f.error() == null ? "" : " " + f.error().getClass().getSimpleName() + ": " + f.error().getMessage());
    };
  }
}
