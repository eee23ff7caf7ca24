package io.stepwise.crashtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A trial's ledger as the checks read it, in the order it was written.
 *
 * @param began one entry per step execution that began, in every JVM of the trial
 * @param stops the results final steps were about to return
 * @param malformed lines that are neither (a harness bug: every line is written whole)
 */
record LedgerReading(List<Began> began, List<String> stops, List<String> malformed) {
  /** Step execution {@code key}, attempt {@code attempt}, began in the JVM {@code pid}. */
  record Began(long pid, String key, int attempt) {}

  static LedgerReading read(Path ledger) {
    List<Began> began = new ArrayList<>();
    List<String> stops = new ArrayList<>();
    List<String> malformed = new ArrayList<>();
    List<String> lines;
    try {
      lines = Files.exists(ledger) ? Files.readAllLines(ledger, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the ledger " + ledger, e);
    }
    for (String line : lines) {
      String[] parts = line.split(" ");
      try {
        if (parts.length == 4 && parts[1].equals("began")) {
          began.add(new Began(Long.parseLong(parts[0]), parts[2], Integer.parseInt(parts[3])));
        } else if (parts.length == 3 && parts[1].equals("stop")) {
          Long.parseLong(parts[0]);
          stops.add(parts[2]);
        } else {
          malformed.add(line);
        }
      } catch (NumberFormatException e) {
        malformed.add(line);
      }
    }
    return new LedgerReading(List.copyOf(began), List.copyOf(stops), List.copyOf(malformed));
  }

  /** Executions that began more often than once per attempt: the re-runs that crashes caused. */
  int reruns() {
    return began.size() - (int) began.stream().map(b -> b.key() + " " + b.attempt()).distinct().count();
  }
}
