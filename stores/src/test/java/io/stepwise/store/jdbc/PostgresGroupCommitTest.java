package io.stepwise.store.jdbc;

import io.stepwise.store.contract.TestPostgres;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Against a real PostgreSQL server, started by {@code .ci/start-postgres} (see {@link TestPostgres}). */
class PostgresGroupCommitTest extends GroupCommitContract {
  private final String table = "stepwise_batch_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);

  @Override
  @BeforeEach
  void openStore() {
    TestPostgres.requireServer();
    super.openStore();
  }

  @AfterEach
  void dropTable() throws Exception {
    if (TestPostgres.url() != null) {
      execute(List.of("DROP TABLE IF EXISTS " + table, "DROP FUNCTION IF EXISTS " + table + "_refuse()"));
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

  @Override
  List<String> refuseSnapshot(String table, String snapshot) {
    return List.of(
        "CREATE FUNCTION " + table + "_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            + " IF NEW.snapshot = '" + snapshot + "' THEN RAISE EXCEPTION 'poisoned checkpoint'; END IF;"
            + " RETURN NEW; END $$",
        "CREATE TRIGGER " + table + "_refuse BEFORE INSERT OR UPDATE ON " + table
            + " FOR EACH ROW EXECUTE FUNCTION " + table + "_refuse()");
  }
}
