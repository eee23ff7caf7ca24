package io.stepwise.store;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.Set;

/**
 * The argument checks, the listing order and the status names every {@link RunStore} shares, so
 * the stores in this package, in {@code stepwise-stores} and a user's own behave alike.
 */
public final class RunStoreRules {
  /** Oldest update first, then by run id. */
  public static final Comparator<StoredRun> LISTING_ORDER =
      Comparator.comparing(StoredRun::updatedAt).thenComparing(StoredRun::runId);

  private RunStoreRules() {}

  /** Checks a save's arguments: a checkpoint, and a version of 0 (new run) or more. */
  public static void requireSave(Checkpoint checkpoint, long expectedVersion) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    if (expectedVersion < 0) {
      throw new IllegalArgumentException("The expected version of run '" + checkpoint.runId()
          + "' must be 0 (a new run) or the version last saved or loaded, was " + expectedVersion + ".");
    }
  }

  /** Checks a listing's status filter holds no null. */
  public static Set<RunStatus> requireStatuses(Set<RunStatus> statuses) {
    Objects.requireNonNull(statuses, "statuses");
    for (RunStatus status : statuses) {
      Objects.requireNonNull(status, "statuses must not contain null");
    }
    return statuses;
  }

  /**
   * The status a store wrote by {@link RunStatus#name()}.
   *
   * @throws IllegalArgumentException "its status 'X' is none of [...]", for the caller to prefix with the run
   */
  public static RunStatus status(String name) {
    for (RunStatus status : RunStatus.values()) {
      if (status.name().equals(name)) {
        return status;
      }
    }
    throw new IllegalArgumentException("its status '" + name + "' is none of " + Arrays.toString(RunStatus.values()));
  }
}
