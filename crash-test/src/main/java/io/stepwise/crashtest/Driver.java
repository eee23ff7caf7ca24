package io.stepwise.crashtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The crash-test driver: for each store URL, runs a {@link Campaign} of trials (or one trial,
 * with {@code --trial}), prints the summary, and exits 1 when any guarantee did not hold.
 *
 * <pre>
 * Driver [--kills N] [--max-kills-per-trial M] [--jvm-limit SECONDS] [--no-races] [--seed S] [--shapes a,b]
 *        [--trial shape:seed] --dir DIR store-url...
 * </pre>
 * A {@code sqlite:} URL names a file inside {@code DIR}, which is created fresh if it does not exist.
 */
public final class Driver {
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
      System.err.println("usage: Driver [--kills N] [--max-kills-per-trial M] [--jvm-limit SECONDS] [--no-races] [--seed S]"
          + " [--shapes " + Shapes.names() + "] [--trial shape:seed] --dir DIR store-url...");
      System.exit(2);
    }
    Plan plan = new Plan(kills, maxKillsPerTrial, jvmLimit, races, shapes, seed);
    System.out.println("crash test: seed " + seed + ", " + kills + " kills per store, at most " + maxKillsPerTrial
        + " per trial, " + (races ? "with" : "without") + " racing resumes, shapes " + shapes.stream().map(Shape::name).toList() + ", files in " + directory);
    List<TrialReport> reports = new ArrayList<>();
    for (String store : stores) {
      Path storeDirectory = directory.resolve(StoreUrls.kind(store));
      if (trial != null) {
        String[] shapeAndSeed = trial.split(":");
        TrialFiles files = new TrialFiles(storeDirectory, shapeAndSeed[0] + "-rerun-" + System.currentTimeMillis());
        Files.createDirectories(storeDirectory);
        reports.add(new Trial(Shapes.named(shapeAndSeed[0]), store, StoreUrls.open(store), files,
            Long.parseLong(shapeAndSeed[1]), plan).run());
      } else {
        reports.addAll(new Campaign(store, storeDirectory, plan, System.out).run());
      }
    }
    System.out.println();
    System.out.print(Summary.of(reports));
    System.exit(reports.stream().allMatch(r -> r.failures().isEmpty()) ? 0 : 1);
  }
}
