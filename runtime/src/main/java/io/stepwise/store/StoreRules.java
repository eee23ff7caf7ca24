package io.stepwise.store;

import java.util.Comparator;
import java.util.Objects;
import java.util.Set;

/** The argument checks and the listing order that every store shares, so they behave alike. */
final class StoreRules {
  /** Oldest update first, then by run id. */
  static final Comparator<StoredRun> LISTING_ORDER =
      Comparator.comparing(StoredRun::updatedAt).thenComparing(StoredRun::runId);

  private StoreRules() {}

  static void requireSave(Checkpoint checkpoint, long expectedVersion) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    if (expectedVersion < 0) {
      throw new IllegalArgumentException("The expected version of run '" + checkpoint.runId()
          + "' must be 0 (a new run) or the version last saved or loaded, was " + expectedVersion + ".");
    }
  }

  static Set<RunStatus> requireStatuses(Set<RunStatus> statuses) {
    Objects.requireNonNull(statuses, "statuses");
    for (RunStatus status : statuses) {
      Objects.requireNonNull(status, "statuses must not contain null");
    }
    return statuses;
  }
}
