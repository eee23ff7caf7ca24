package io.stepwise.store.jdbc;

import io.stepwise.store.contract.TestPostgres;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Against a real PostgreSQL server, started by {@code .ci/start-postgres} (see {@link TestPostgres}). */
class PostgresRunStoreTest extends JdbcRunStoreContract {
  private final String table = "stepwise_runs_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);

  @Override
  @BeforeEach
  protected void openStore() {
    TestPostgres.requireServer();
    super.openStore();
  }

  @AfterEach
  void dropTable() throws Exception {
    if (TestPostgres.url() != null) {
      execute("DROP TABLE IF EXISTS " + table);
    }
  }

  @Override
  String url() {
    return TestPostgres.url();
  }

  @Override
  String table() {
    return table;
  }
}
