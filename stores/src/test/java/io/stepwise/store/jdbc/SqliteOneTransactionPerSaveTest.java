package io.stepwise.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.store.RunStatus;
import io.stepwise.store.RunStore;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/** The whole contract with group commit turned off: one transaction per save, as before it. */
class SqliteOneTransactionPerSaveTest extends SqliteRunStoreTest {
  @Override
  protected RunStore open(InstantSource clock) {
    return JdbcRunStore.builder(url()).table(table()).clock(clock).groupCommit(false).build();
  }

  @Test
  void noSaveGoesThroughTheGroupCommit() {
    store.save(checkpoint("run-1", RunStatus.RUNNING, SNAPSHOT), 0);

    assertEquals(new SaveGroupCommit.Progress(0, 0, 0, false), ((JdbcRunStore) store).groupCommitProgress());
  }
}
