package io.stepwise.store.jdbc;

import io.stepwise.store.StoredRun;

/**
 * One call of {@link JdbcRunStore#save}: the record it writes (already stamped with the call's
 * time and the next version) and the version it replaces (0: a new run).
 */
record CheckpointSave(StoredRun run, long expectedVersion) {
  String runId() {
    return run.runId();
  }

  boolean isFirst() {
    return expectedVersion == 0;
  }
}
