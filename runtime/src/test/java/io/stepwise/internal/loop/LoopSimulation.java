package io.stepwise.internal.loop;

import io.stepwise.Event;
import io.stepwise.internal.loop.SimulatedExecution.Call;
import io.stepwise.internal.loop.SimulatedFlow.Begin;
import io.stepwise.internal.loop.SimulatedFlow.Progress;
import io.stepwise.internal.loop.SimulatedFlow.Question;
import io.stepwise.internal.loop.SimulatedFlow.Reply;
import io.stepwise.internal.loop.SimulatedFlow.Route;
import io.stepwise.spi.StepDescriptor;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * One segment of a run of {@link SimulatedFlow}, driven through a real {@link RunLoop} without
 * threads or clock: a seeded scheduler picks, one at a time, which execution makes its next call,
 * which timer fires, or which question the outside world answers (each question once over the
 * whole run, as a person would, except the questions of items planned to time out). It can capture
 * the loop's image after every tick, so that a test can cut the run anywhere and resume it in a new
 * segment.
 */
final class LoopSimulation {
  /** A run that needs more ticks than this is going round in circles. */
  private static final int MAX_TICKS = 10_000;
  static final String AS_INPUT = "as input";
  static final String IN_SET = "in its collected set";
  static final String IN_WAIT = "in its wait";

  private final SimulatedFlow flow;
  private final boolean capturing;
  private final SimulatedSteps steps;
  private final List<StepDescriptor> descriptors;
  private final RunLoop loop;
  private final Random random;
  private final Map<Long, SimulatedExecution> running = new LinkedHashMap<>();
  private final Map<Long, Tick.Timed> timers = new LinkedHashMap<>();
  /** Reply ids answered before this segment began, and in it (with the tick they came with). */
  private final Set<Integer> answeredBefore;
  private final Map<Integer, Integer> answeredAt = new HashMap<>();
  private final Set<Integer> asked = new LinkedHashSet<>();
  private final List<LoopImage> cuts = new ArrayList<>();
  private final List<String> fed = new ArrayList<>();
  private final List<Set<String>> inFlightAtCuts = new ArrayList<>();
  final SegmentLog log = new SegmentLog();
  private Command.Finish finish;
  private LoopImage captured;
  private int tick;

  private LoopSimulation(SimulatedFlow flow, long seed, boolean capturing, Set<Integer> answeredBefore) {
    this.flow = flow;
    this.steps = new SimulatedSteps(flow);
    this.descriptors = flow.steps();
    this.loop = new RunLoop("run-" + flow.seed(), new Routing("simulated", descriptors), Duration.ZERO);
    this.random = new Random(seed);
    this.answeredBefore = Set.copyOf(answeredBefore);
    this.capturing = capturing;
  }

  /** A new run, capturing its image after every tick. */
  static LoopSimulation started(SimulatedFlow flow, long seed) {
    LoopSimulation run = new LoopSimulation(flow, seed, true, Set.of());
    run.feed(new Tick.Started(new Begin(flow.items().size())));
    return run;
  }

  /**
   * A run resumed from an image; {@code answered} are the questions the outside answered before the
   * cut; when {@code capturing}, it captures its image after every tick too, so it can be cut again.
   */
  static LoopSimulation resumed(SimulatedFlow flow, long seed, LoopImage image, Set<Integer> answered,
      boolean capturing) {
    LoopSimulation run = new LoopSimulation(flow, seed, capturing, answered);
    run.feed(new Tick.Resumed(image));
    return run;
  }

  /**
   * Runs until the loop finishes.
   *
   * @return null when it finished, else why it stopped: nothing could happen any more, or too many ticks
   */
  String runToEnd() {
    while (!loop.isFinished()) {
      if (tick > MAX_TICKS) {
        return "still running after " + MAX_TICKS + " ticks; loop image " + loop.image();
      }
      if (!stepOnce()) {
        return "stalled: no execution can go on, no timer is pending and no question is open; executions "
            + running.values() + ", loop image " + loop.image();
      }
    }
    return null;
  }

  /** How the run ended, or null while it runs. */
  Command.Finish finish() {
    return finish;
  }

  /** Ticks fed so far (the {@code Started} or {@code Resumed} tick included). */
  int ticks() {
    return tick;
  }

  /** The tick fed as number {@code index}, described, for failure messages. */
  String tickAt(int index) {
    return fed.get(index);
  }

  /** The loop's image after the first {@code ticks} ticks, as a snapshot request answered it. */
  LoopImage cut(int ticks) {
    return cuts.get(ticks - 1);
  }

  /**
   * What the executions in flight after the first {@code ticks} ticks had done, as "step kind"
   * entries ("fan sent", "gather collected its set", ...); empty when none had made a call yet.
   */
  Set<String> inFlightAt(int ticks) {
    return inFlightAtCuts.get(ticks - 1);
  }

  private Set<String> inFlight() {
    Set<String> kinds = new TreeSet<>();
    for (SimulatedExecution execution : running.values()) {
      execution.did.forEach(kind -> kinds.add(execution.stepName + " " + kind));
    }
    return kinds;
  }

  /** The questions answered with a tick before {@code tick}. */
  Set<Integer> answeredBefore(int tick) {
    Set<Integer> answered = new LinkedHashSet<>(answeredBefore);
    answeredAt.forEach((id, at) -> {
      if (at < tick) {
        answered.add(id);
      }
    });
    return answered;
  }

  /** Does one thing; false when nothing can happen. */
  private boolean stepOnce() {
    List<Runnable> choices = new ArrayList<>();
    for (SimulatedExecution execution : running.values()) {
      if (execution.runnable()) {
        choices.add(() -> advance(execution));
      }
    }
    for (Tick.Timed timer : timers.values()) {
      choices.add(() -> {
        timers.remove(timer.key());
        feed(timer);
      });
    }
    for (int id : asked) {
      choices.add(() -> answer(id));
    }
    if (choices.isEmpty()) {
      return false;
    }
    choices.get(random.nextInt(choices.size())).run();
    return true;
  }

  private void answer(int id) {
    asked.remove(id);
    answeredAt.put(id, tick);
    feed(new Tick.EventPosted(new Reply(id), -1));
  }

  /** The execution makes its next call, or looks at the next event offered to its wait. */
  private void advance(SimulatedExecution execution) {
    if (execution.waiting) {
      Reply offered = (Reply) execution.offers.poll();
      if (offered.id() == execution.awaited) {
        execution.did.add("matched its reply");
        execution.matched = offered;
        execution.waiting = false;
        execution.done++;
        feed(new Tick.WaitMatched(execution.key, execution.seq, offered));
      }
      return;
    }
    switch (steps.next(execution)) {
      case Call.Send send -> {
        execution.did.add("sent");
        execution.done++;
        feed(new Tick.EventSent(execution.key, send.event(), -1));
      }
      case Call.Write write -> {
        execution.did.add("wrote");
        execution.done++;
        feed(new Tick.StreamWritten(execution.key, write.event()));
      }
      case Call.Collect collect -> {
        execution.collectAnswered = false;
        feed(new Tick.CollectRequested(execution.key, collect.event(), collect.expected()));
        if (!execution.collectAnswered) {
          throw new AssertionError("the loop did not answer the collect of " + execution);
        }
        execution.done++;
      }
      case Call.Wait wait -> {
        execution.did.add("waits");
        execution.seq++;
        execution.waiting = true;
        execution.awaited = wait.question().id();
        feed(new Tick.WaitStarted(execution.key, execution.seq, Reply.class, wait.question(), wait.timeout()));
      }
      case Call.Return returned -> {
        running.remove(execution.key);
        took(execution, tick);
        feed(new Tick.StepReturned(execution.key, returned.emitted()));
      }
      case Call.Throw thrown -> {
        running.remove(execution.key);
        feed(new Tick.StepThrew(execution.key, new IOException(thrown.message())));
      }
    }
  }

  /** Logs what a finished execution took: its input, the set it collected, the reply it matched. */
  private void took(SimulatedExecution execution, int at) {
    String step = execution.stepName;
    for (Event event : execution.events) {
      log.add(at, SegmentLog.took(step, event, AS_INPUT));
    }
    if (execution.collected != null) {
      for (Event event : execution.collected) {
        log.add(at, SegmentLog.took(step, event, IN_SET));
      }
    }
    if (execution.matched != null) {
      log.add(at, SegmentLog.took(step, execution.matched, IN_WAIT));
    }
    if (execution.expired) {
      log.add(at, SegmentLog.took(step, "a timeout", IN_WAIT + " for item " + execution.awaited));
    }
  }

  private void feed(Tick next) {
    int index = tick++;
    fed.add(next.toString());
    loop.reduce(next, command -> execute(command, index));
    if (capturing && !loop.isFinished()) {
      captured = null;
      loop.reduce(new Tick.SnapshotRequested(tick), command -> execute(command, index));
      cuts.add(captured);
      inFlightAtCuts.add(inFlight());
    }
  }

  private void execute(Command command, int at) {
    switch (command) {
      case Command.StartStep start -> running.put(start.execution(), new SimulatedExecution(start.execution(),
          start.step(), descriptors.get(start.step()).name(), start.events(), start.attempt()));
      case Command.CancelStep cancel -> {
        SimulatedExecution cancelled = running.remove(cancel.execution());
        if (cancelled != null && loop.isFinished()) {
          took(cancelled, at); // the run ended while it was in flight: what it took stays taken
        }
      }
      case Command.Publish publish -> {
        Event event = publish.event();
        if (event instanceof Progress) {
          log.add(at, SegmentLog.published(event));
        }
        if (event instanceof Question question && !answeredBefore.contains(question.id())
            && !answeredAt.containsKey(question.id()) && flow.entry(question.id()).route() != Route.TIMEOUT) {
          asked.add(question.id());
        }
      }
      case Command.Schedule schedule -> timers.put(schedule.key(), schedule.tick());
      case Command.Unschedule unschedule -> timers.remove(unschedule.key());
      case Command.Captured capture -> captured = capture.image();
      case Command.CheckIdle ignored -> { } // simulated runs do not ask for idle events
      case Command.Finish end -> finish = end;
      case Command.Collected collected -> {
        SimulatedExecution execution = running.get(collected.execution());
        execution.collected = collected.events();
        execution.collectAnswered = true;
        execution.did.add(execution.collected == null ? "collected (set incomplete)" : "collected its set");
      }
      case Command.Offer offer -> {
        SimulatedExecution execution = running.get(offer.execution());
        if (execution != null && execution.waiting && execution.seq == offer.seq()) {
          execution.offers.add(offer.event());
          execution.did.add("was offered a reply");
        }
      }
      case Command.WaitExpired expired -> {
        SimulatedExecution execution = running.get(expired.execution());
        if (execution != null && execution.waiting && execution.seq == expired.seq()) {
          execution.did.add("timed out waiting");
          execution.expired = true;
          execution.waiting = false;
          execution.done++;
        }
      }
    }
  }
}
