package io.stepwise.store;

import java.util.Objects;

/**
 * What a run writes to its store after a step: the run's identity, where it stands, and its
 * snapshot as JSON ({@code Snapshot.toJson()}), which stores keep verbatim.
 *
 * @param runId the run's id; 1 to {@value #MAX_RUN_ID_LENGTH} characters, no control characters
 * @param workflow the workflow's name
 * @param graphHash the hash of the workflow's graph, or null when unknown
 * @param status where the run stands
 * @param snapshotJson the snapshot, as JSON
 */
public record Checkpoint(String runId, String workflow, String graphHash, RunStatus status, String snapshotJson) {
  /** Longest run id a store accepts. */
  public static final int MAX_RUN_ID_LENGTH = 200;

  public Checkpoint {
    requireRunId(runId);
    if (workflow == null || workflow.isBlank()) {
      throw new IllegalArgumentException("A checkpoint of run '" + runId + "' needs a workflow name, was "
          + (workflow == null ? "null" : "blank") + ".");
    }
    Objects.requireNonNull(status, "status");
    if (snapshotJson == null || snapshotJson.isBlank()) {
      throw new IllegalArgumentException("A checkpoint of run '" + runId + "' needs the snapshot JSON, was "
          + (snapshotJson == null ? "null" : "blank") + ".");
    }
    requireStorable(runId, "workflow name", workflow);
    if (graphHash != null) {
      requireStorable(runId, "graph hash", graphHash);
    }
    requireStorable(runId, "snapshot JSON", snapshotJson);
  }

  /**
   * Stores keep text as UTF-8 (files, SQLite, PostgreSQL), which has no form for a lone UTF-16
   * surrogate (it would come back as {@code ?}), and PostgreSQL text cannot hold the NUL character.
   * {@code Snapshot.toJson()} escapes both, so only hand-made text can fail here.
   */
  private static void requireStorable(String runId, String what, String text) {
    int bad = unstorableAt(text);
    if (bad >= 0) {
      throw new IllegalArgumentException("The " + what + " of the checkpoint of run '" + runId + "' has "
          + (text.charAt(bad) == 0 ? "a NUL character" : "a lone UTF-16 surrogate") + " at index " + bad
          + ", which a store cannot keep as text. Save the text Snapshot.toJson() wrote, which escapes it.");
    }
  }

  /** The index of the first character a store cannot keep, or -1. */
  static int unstorableAt(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return i;
      }
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++; // a valid pair
        } else {
          return i;
        }
      }
    }
    return -1;
  }

  /** Checks a run id as every store requires it, and returns it. */
  public static String requireRunId(String runId) {
    if (runId == null || runId.isEmpty() || runId.length() > MAX_RUN_ID_LENGTH) {
      throw new IllegalArgumentException("A run id must have 1 to " + MAX_RUN_ID_LENGTH + " characters, was "
          + (runId == null ? "null" : runId.length() + " characters") + ".");
    }
    for (int i = 0; i < runId.length(); i++) {
      if (Character.isISOControl(runId.charAt(i))) {
        throw new IllegalArgumentException("A run id must not contain control characters, '"
            + runId.replaceAll("\\p{Cntrl}", "?") + "' has one at index " + i + ".");
      }
    }
    int lone = unstorableAt(runId);
    if (lone >= 0) {
      throw new IllegalArgumentException("A run id must not contain a lone UTF-16 surrogate, which a store cannot"
          + " keep as text; it has one at index " + lone + ".");
    }
    return runId;
  }
}
