package io.stepwise.crashtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A campaign's trials as a markdown table (one row per store and shape) and a list of failures. */
public final class Summary {
  private Summary() {}

  /** The table and, when any trial failed, each failure with its trial and seed. */
  public static String of(List<TrialReport> reports) {
    Map<String, List<TrialReport>> rows = new LinkedHashMap<>();
    for (TrialReport report : reports) {
      rows.computeIfAbsent(report.store() + " | " + report.shape(), k -> new ArrayList<>()).add(report);
    }
    StringBuilder text = new StringBuilder();
    text.append("| store | shape | trials | worker JVMs | kills | resumes | races | re-run executions | right results"
        + " | failed trials |\n");
    text.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    rows.forEach((row, trials) -> text.append("| ").append(row)
        .append(" | ").append(trials.size())
        .append(" | ").append(trials.stream().mapToInt(t -> t.jvms().size()).sum())
        .append(" | ").append(trials.stream().mapToLong(TrialReport::kills).sum())
        .append(" | ").append(trials.stream().mapToLong(TrialReport::resumes).sum())
        .append(" | ").append(trials.stream().mapToLong(TrialReport::races).sum())
        .append(" | ").append(trials.stream().mapToInt(TrialReport::reruns).sum())
        .append(" | ").append(trials.stream().filter(t -> t.failures().isEmpty()).count())
        .append(" | ").append(trials.stream().filter(t -> !t.failures().isEmpty()).count())
        .append(" |\n"));
    List<TrialReport> failed = reports.stream().filter(t -> !t.failures().isEmpty()).toList();
    if (!failed.isEmpty()) {
      text.append("\nFailures (rerun one with --trial <shape>:<seed> and the same store):\n");
      for (TrialReport trial : failed) {
        text.append("- ").append(trial.store()).append(' ').append(trial.name()).append(" (--trial ")
            .append(trial.shape()).append(':').append(trial.seed()).append("): ")
            .append(String.join("; ", trial.failures())).append('\n');
      }
    }
    return text.toString();
  }
}
