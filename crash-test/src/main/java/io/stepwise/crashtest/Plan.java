package io.stepwise.crashtest;

import java.time.Duration;
import java.util.List;

/**
 * How hard a campaign tries: per store, trials cycle through {@code shapes} until
 * {@code killsPerStore} kills have landed.
 *
 * @param killsPerStore kills to land in each store's trials
 * @param maxKillsPerTrial at most this many JVMs of one trial are killed: the first is always
 *     aimed at, each later one with even odds
 * @param jvmLimit a worker JVM still running this long after its start has hung: it is killed and
 *     the trial fails
 * @param races whether a resume not aimed at is, one time in three, two workers resuming at once
 * @param shapes the shapes to cycle through
 * @param seed the seed of every random choice of the driver (shapes' order aside)
 */
public record Plan(int killsPerStore, int maxKillsPerTrial, Duration jvmLimit, boolean races, List<Shape<?, ?>> shapes,
    long seed) {
  public Plan {
    if (killsPerStore < 1 || maxKillsPerTrial < 1) {
      throw new IllegalArgumentException("kills per store and per trial must be at least 1, were "
          + killsPerStore + " and " + maxKillsPerTrial + ".");
    }
    shapes = List.copyOf(shapes);
    if (shapes.isEmpty()) {
      throw new IllegalArgumentException("A plan needs at least one shape; the shapes are " + Shapes.names() + ".");
    }
  }
}
