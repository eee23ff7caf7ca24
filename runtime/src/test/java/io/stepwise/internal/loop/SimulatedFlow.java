package io.stepwise.internal.loop;

import io.stepwise.Event;
import io.stepwise.HumanResponseEvent;
import io.stepwise.StartEvent;
import io.stepwise.StepFailedEvent;
import io.stepwise.StopEvent;
import io.stepwise.fixture.Steps;
import io.stepwise.spi.StepDescriptor;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A random fan-out/collect workflow for the reducer's cut property, described by a plan: the start
 * step sends some items with {@code ctx.sendEvent} and returns the rest; each item is worked on by a
 * step with retries that may fail once, wait for an outside reply, or go through a join in pairs;
 * a collector with several workers gathers one {@link Processed} per item. Every event value is
 * unique, so "consumed once" can be counted by value.
 *
 * @param seed the seed the plan was drawn from, for failure messages
 * @param fanWrites whether the start step writes a progress event before its sends
 */
record SimulatedFlow(long seed, List<Entry> items, boolean fanWrites, int workWorkers, int gatherWorkers) {
  static final int FAN = 0;
  static final int WORK = 1;
  static final int PAIR = 2;
  static final int GATHER = 3;
  static final int RECOVER = 4;
  /** The timeout of the waits nobody answers; the simulation fires it whenever it likes. */
  static final Duration WAIT_TIMEOUT = Duration.ofSeconds(5);

  /**
   * How an item reaches the collector: straight on, through the join (as its left or right event),
   * after a reply, after its wait times out, or through the error handler after every attempt failed.
   */
  enum Route { DIRECT, LEFT, RIGHT, WAIT, TIMEOUT, FAILS }

  /**
   * One item of the plan.
   *
   * @param sent whether the start step sends it with {@code ctx.sendEvent} (else it returns it)
   * @param failsOnce whether its first work attempt throws
   * @param writes whether each work attempt writes a progress event to the stream first
   */
  record Entry(int id, Route route, boolean sent, boolean failsOnce, boolean writes) {}

  record Begin(int size) implements StartEvent {}

  record Item(int id) implements Event {}

  record Left(int id) implements Event {}

  record Right(int id) implements Event {}

  record Processed(int id, String via) implements Event {}

  /** The waiter event of an item that waits for its reply. */
  record Question(int id) implements Event {}

  record Reply(int id) implements HumanResponseEvent {}

  record Progress(String text) implements Event {}

  /** The result: one label per item, sorted, so any delivery order gives the same value. */
  record Gathered(List<String> labels) implements StopEvent {}

  SimulatedFlow {
    items = List.copyOf(items);
  }

  /** Draws a plan: up to eight items, some in join pairs, some waiting, some failing once. */
  static SimulatedFlow random(long seed) {
    Random random = new Random(seed);
    int size = 1 + random.nextInt(8);
    int pairs = random.nextInt(size / 2 + 1);
    List<Route> routes = new ArrayList<>();
    for (int i = 0; i < pairs; i++) {
      routes.add(Route.LEFT);
      routes.add(Route.RIGHT);
    }
    Route[] others = {Route.DIRECT, Route.DIRECT, Route.DIRECT, Route.WAIT, Route.WAIT, Route.TIMEOUT, Route.FAILS};
    while (routes.size() < size) {
      routes.add(others[random.nextInt(others.length)]);
    }
    Collections.shuffle(routes, random);
    List<Entry> items = new ArrayList<>();
    for (int id = 0; id < size; id++) {
      items.add(new Entry(id, routes.get(id), random.nextBoolean(), random.nextInt(4) == 0, random.nextBoolean()));
    }
    return new SimulatedFlow(seed, items, random.nextBoolean(), 1 + random.nextInt(3), 1 + random.nextInt(3));
  }

  Entry entry(int id) {
    return items.get(id);
  }

  /** The steps as the processor would describe them: fan, work, pair (a join), gather, and work's error handler. */
  List<StepDescriptor> steps() {
    return Steps.number(
        Steps.step("fan", Begin.class).emits(Item.class),
        Steps.step("work", Item.class).workers(workWorkers).retry(3, Duration.ofMillis(10)).awaits(Reply.class)
            .emits(Processed.class, Left.class, Right.class),
        Steps.step("pair", Left.class).and(Right.class).emits(Processed.class),
        Steps.step("gather", Processed.class).workers(gatherWorkers).emits(Gathered.class),
        Steps.step("recover", StepFailedEvent.class).emits(Processed.class).catches(1, "work"));
  }

  /** The label of an item in the result. */
  static String label(int id, String via) {
    return id + ":" + via;
  }

  /**
   * What the whole run must take and publish, each exactly once, computed from the plan alone:
   * each item is the input of one work execution that returns (none for an item whose every
   * attempt fails: its failure is the input of one recovery instead), each pair the input of one
   * join execution, each processed event the input of one collector execution and in the one
   * collected set, each reply in one wait (each timeout ends one); each work attempt writes its
   * progress once.
   */
  Map<String, Integer> expectedLog() {
    Map<String, Integer> log = new TreeMap<>();
    for (Entry item : items) {
      int attempts = item.route() == Route.FAILS ? 3 : item.failsOnce() ? 2 : 1;
      for (int attempt = 1; item.writes() && attempt <= attempts; attempt++) {
        log.put(SegmentLog.published(new Progress("work " + item.id() + " attempt " + attempt)), 1);
      }
      if (item.route() == Route.FAILS) {
        StepFailedEvent failed = new StepFailedEvent("work", new Item(item.id()),
            // The simulated attempts take no time; the two 10 ms retry delays count as elapsed.
            new IOException("item " + item.id() + " always fails"), attempts, Duration.ofMillis(10L * (attempts - 1)));
        log.put(SegmentLog.took("recover", failed, LoopSimulation.AS_INPUT), 1);
      } else {
        log.put(SegmentLog.took("work", new Item(item.id()), LoopSimulation.AS_INPUT), 1);
      }
      Processed processed = new Processed(item.id(), via(item));
      log.put(SegmentLog.took("gather", processed, LoopSimulation.AS_INPUT), 1);
      log.put(SegmentLog.took("gather", processed, LoopSimulation.IN_SET), 1);
      if (item.route() == Route.WAIT) {
        log.put(SegmentLog.took("work", new Reply(item.id()), LoopSimulation.IN_WAIT), 1);
      }
      if (item.route() == Route.TIMEOUT) {
        log.put(SegmentLog.took("work", "a timeout", LoopSimulation.IN_WAIT + " for item " + item.id()), 1);
      }
      if (item.route() == Route.LEFT) {
        log.put(SegmentLog.took("pair", new Left(item.id()), LoopSimulation.AS_INPUT), 1);
      }
      if (item.route() == Route.RIGHT) {
        log.put(SegmentLog.took("pair", new Right(item.id()), LoopSimulation.AS_INPUT), 1);
      }
    }
    log.put(SegmentLog.took("fan", new Begin(items.size()), LoopSimulation.AS_INPUT), 1);
    if (fanWrites) {
      log.put(SegmentLog.published(new Progress("fanning")), 1);
    }
    log.put(SegmentLog.published(new Progress("gathered")), 1);
    return log;
  }

  /** How an item is labelled in the result. */
  private static String via(Entry item) {
    return switch (item.route()) {
      case DIRECT -> "direct";
      case LEFT -> "left";
      case RIGHT -> "right";
      case WAIT -> "reply";
      case TIMEOUT -> "timeout";
      case FAILS -> "recovered";
    };
  }

  /** What the run must end with, computed from the plan alone. */
  Gathered expected() {
    List<String> labels = new ArrayList<>();
    for (Entry item : items) {
      labels.add(label(item.id(), via(item)));
    }
    labels.sort(null);
    return new Gathered(labels);
  }
}
