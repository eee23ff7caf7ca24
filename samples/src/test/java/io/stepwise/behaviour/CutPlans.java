package io.stepwise.behaviour;

import io.stepwise.behaviour.CutFlows.Begin;
import io.stepwise.behaviour.CutFlows.Collected;
import io.stepwise.behaviour.CutFlows.ItemPlan;
import io.stepwise.behaviour.CutFlows.Progress;
import io.stepwise.behaviour.CutFlows.Route;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Random plans for {@link CutFlows.CutFlow}, and what a run of one must end with, computed from the plan alone. */
final class CutPlans {
  private CutPlans() {}

  /** Up to eight items: some in join pairs, the others on any of the other routes. */
  static Begin random(Random random) {
    int size = 1 + random.nextInt(8);
    int pairs = random.nextInt(size / 2 + 1);
    List<Route> routes = new ArrayList<>();
    for (int i = 0; i < pairs; i++) {
      routes.add(Route.LEFT);
      routes.add(Route.RIGHT);
    }
    Route[] others = {Route.DIRECT, Route.DIRECT, Route.WAIT, Route.CHILD, Route.TIMEOUT, Route.FAILS};
    while (routes.size() < size) {
      routes.add(others[random.nextInt(others.length)]);
    }
    Collections.shuffle(routes, random);
    List<ItemPlan> items = new ArrayList<>();
    for (int id = 0; id < size; id++) {
      items.add(new ItemPlan(id, routes.get(id), random.nextBoolean(), random.nextInt(4) == 0, random.nextInt(4),
          random.nextInt(3)));
    }
    return new Begin(items, random.nextInt(3));
  }

  /** The result: each item's label once. */
  static Collected expected(Begin plan) {
    List<String> labels = new ArrayList<>();
    for (ItemPlan item : plan.items()) {
      labels.add(CutFlows.label(item.id(), switch (item.route()) {
        case DIRECT -> "direct@" + (item.failsOnce() ? 2 : 1);
        case LEFT -> "left";
        case RIGHT -> "right";
        case WAIT -> "reply";
        case TIMEOUT -> "timeout";
        case CHILD -> "child";
        case FAILS -> "recovered";
      }));
    }
    labels.sort(null);
    return new Collected(labels);
  }

  /** The progress events the run publishes, once each: one per attempt of the worker. */
  static Map<Progress, Integer> expectedProgress(Begin plan) {
    Map<Progress, Integer> progress = new TreeMap<>(CutPlans::compare);
    for (ItemPlan item : plan.items()) {
      int attempts = item.route() == Route.FAILS ? 3 : item.failsOnce() && item.route() != Route.CHILD ? 2 : 1;
      for (int attempt = 1; attempt <= attempts; attempt++) {
        progress.put(new Progress(item.id(), attempt), 1);
      }
    }
    return progress;
  }

  static int compare(Progress a, Progress b) {
    return a.id() != b.id() ? Integer.compare(a.id(), b.id()) : Integer.compare(a.attempt(), b.attempt());
  }
}
