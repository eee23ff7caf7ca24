package io.stepwise.crashtest;

import io.stepwise.store.RunStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The trials of one store: cycles through the plan's shapes, one trial each, until every shape has
 * had its share of the plan's kills (a kill that comes after the worker ended counts for nothing),
 * and prints a line per trial as it ends.
 */
public final class Campaign {
  private final String storeUrl;
  private final Path directory;
  private final Plan plan;
  private final PrintStream log;

  /**
   * @param storeUrl the store's URL ({@link StoreUrls})
   * @param directory where the trials' files go
   */
  public Campaign(String storeUrl, Path directory, Plan plan, PrintStream log) {
    this.storeUrl = storeUrl;
    this.directory = directory;
    this.plan = plan;
    this.log = log;
  }

  /** Runs the trials; a trial's failures are in its report, never thrown. */
  public List<TrialReport> run() throws InterruptedException {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + directory, e);
    }
    RunStore store = StoreUrls.open(storeUrl);
    String kind = StoreUrls.kind(storeUrl);
    // One seed per store, so that adding a store does not change the trials of another.
    Random seeds = new Random(plan.seed() ^ kind.hashCode());
    // Trial names are run ids: new to a store that may hold the runs of earlier campaigns.
    String stamp = Long.toString(System.currentTimeMillis(), 36);
    int share = Math.ceilDiv(plan.killsPerStore(), plan.shapes().size());
    Map<Shape<?, ?>, Long> kills = new HashMap<>();
    List<TrialReport> reports = new ArrayList<>();
    // A shape whose kills keep coming too late would loop forever: give up after this many trials.
    int maxTrials = 4 * plan.killsPerStore() + plan.shapes().size();
    for (int i = 0; i < maxTrials; i++) {
      Shape<?, ?> shape = plan.shapes().get(i % plan.shapes().size());
      if (kills.getOrDefault(shape, 0L) >= share) {
        if (plan.shapes().stream().allMatch(s -> kills.getOrDefault(s, 0L) >= share)) {
          break;
        }
        continue;
      }
      long seed = seeds.nextLong();
      TrialFiles files = new TrialFiles(directory, shape.name() + "-" + i + "-" + stamp);
      TrialReport report = new Trial(shape, storeUrl, store, files, seed, plan).run();
      reports.add(report);
      kills.merge(shape, report.kills(), Long::sum);
      log.printf("%-10s %-20s seed %20d  jvms %2d  kills %d  re-runs %2d  %s%n", kind, files.name(), seed,
          report.jvms().size(), report.kills(), report.reruns(),
          report.failures().isEmpty() ? "ok " + report.result() : "FAILED " + report.failures());
      log.flush();
    }
    return reports;
  }
}
