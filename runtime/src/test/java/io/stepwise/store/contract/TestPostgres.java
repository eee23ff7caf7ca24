package io.stepwise.store.contract;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the tests use: {@code STEPWISE_TEST_PG_URL}, set by {@code .ci/run} (and by
 * {@code eval "$(.ci/start-postgres)"} for a developer). Without it the tests are skipped, except
 * on CI, where a missing server is a failure rather than a silent skip.
 */
public final class TestPostgres {
  public static final String VARIABLE = "STEPWISE_TEST_PG_URL";

  private TestPostgres() {}

  public static String url() {
    String url = System.getenv(VARIABLE);
    return url == null || url.isBlank() ? null : url;
  }

  public static void requireServer() {
    if (url() != null) {
      return;
    }
    String how = VARIABLE + " is not set, so the PostgreSQL tests cannot run. Start a throwaway server with"
        + " eval \"$(.ci/start-postgres)\" (stop it with .ci/stop-postgres), then run the tests again.";
    if (System.getenv("CI") != null) {
      fail(how);
    }
    Assumptions.abort(how);
  }
}
