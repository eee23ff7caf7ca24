package io.stepwise.crashtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The crash-test driver: for each store URL, runs a {@link Campaign} of trials (or one trial again,
 * with {@code --trial}), prints the summary, and exits 1 when any guarantee did not hold.
 *
 * <pre>
 * Driver [--kills N] [--max-kills-per-trial M] [--jvm-limit SECONDS] [--no-races] [--seed S]
 *        [--shapes a,b] [--trial shape:seed] --dir DIR store-url...
 * </pre>
 */
public final class Driver {
  private static final String USAGE = "usage: Driver [--kills N] [--max-kills-per-trial M] [--jvm-limit SECONDS]"
      + " [--no-races] [--seed S] [--shapes " + Shapes.names() + "] [--trial shape:seed] --dir DIR store-url...";

  private Driver() {}

  public static void main(String[] args) throws InterruptedException, IOException {
    int kills = 50;
    int maxKillsPerTrial = 3;
    Duration jvmLimit = Duration.ofSeconds(60);
    boolean races = true;
    long seed = System.nanoTime();
    List<Shape<?, ?>> shapes = Shapes.ALL;
    String trial = null;
    Path directory = null;
    List<String> stores = new ArrayList<>();
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--kills" -> kills = Integer.parseInt(args[++i]);
          case "--max-kills-per-trial" -> maxKillsPerTrial = Integer.parseInt(args[++i]);
          case "--jvm-limit" -> jvmLimit = Duration.ofSeconds(Long.parseLong(args[++i]));
          case "--no-races" -> races = false;
          case "--seed" -> seed = Long.parseLong(args[++i]);
          case "--shapes" -> shapes = List.of(args[++i].split(",")).stream().<Shape<?, ?>>map(Shapes::named).toList();
          case "--trial" -> trial = args[++i];
          case "--dir" -> directory = Path.of(args[++i]).toAbsolutePath();
          default -> stores.add(args[i]);
        }
      }
      if (directory == null || stores.isEmpty()) {
        throw new IllegalArgumentException("Give the directory for the trials' files (--dir) and at least one store URL.");
      }
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    Plan plan = new Plan(kills, maxKillsPerTrial, jvmLimit, races, shapes, seed);
    System.out.println("crash test: seed " + seed + ", " + kills + " kills per store, at most " + maxKillsPerTrial
        + " per trial, " + (races ? "with" : "without") + " racing resumes, shapes "
        + shapes.stream().map(Shape::name).toList() + ", files in " + directory);
    List<TrialReport> reports = new ArrayList<>();
    for (String store : stores) {
      Path storeDirectory = directory.resolve(StoreUrls.kind(store));
      reports.addAll(trial == null ? new Campaign(store, storeDirectory, plan, System.out).run()
          : List.of(again(trial, store, storeDirectory, plan)));
    }
    System.out.println();
    System.out.print(Summary.of(reports));
    System.exit(reports.stream().allMatch(r -> r.failures().isEmpty()) ? 0 : 1);
  }

  /** Runs the trial {@code shape:seed} of an earlier campaign again, under a new run id. */
  private static TrialReport again(String trial, String store, Path directory, Plan plan)
      throws InterruptedException, IOException {
    int colon = trial.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("--trial takes shape:seed, as a failure's line prints it, was '" + trial + "'.");
    }
    Shape<?, ?> shape = Shapes.named(trial.substring(0, colon));
    long seed = Long.parseLong(trial.substring(colon + 1));
    Files.createDirectories(directory);
    TrialFiles files = new TrialFiles(directory, shape.name() + "-again-" + Long.toString(System.currentTimeMillis(), 36));
    return new Trial(shape, store, StoreUrls.open(store), files, seed, plan).run();
  }
}
