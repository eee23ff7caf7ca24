package io.stepwise.store.directory;

import static io.stepwise.json.ValueFidelity.assertSameValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.MapStartEvent;
import io.stepwise.ResultEvent;
import io.stepwise.RunOptions;
import io.stepwise.Snapshot;
import io.stepwise.SnapshotException;
import io.stepwise.fixture.HoldingFlow;
import io.stepwise.fixture.TrickyValues;
import io.stepwise.store.Checkpoint;
import io.stepwise.store.InMemoryRunStore;
import io.stepwise.store.RunStatus;
import io.stepwise.store.RunStore;
import io.stepwise.store.RunStoreException;
import io.stepwise.store.contract.TestPostgres;
import io.stepwise.store.jdbc.JdbcRunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every store keeps a snapshot's text exactly, so every value a run put in its store, state or
 * events comes back exactly when the run is resumed from the store, in another store instance as
 * another process would open it; and what a store could not keep is refused before it is saved.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StoredValueFidelityTest {
  enum Kind { IN_MEMORY, DIRECTORY, SQLITE, POSTGRESQL }

  @TempDir
  Path directory;

  private final List<String> tables = new ArrayList<>();
  private final String table = "fidelity_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
  private InMemoryRunStore memory;

  /** The store of {@code kind}; each call opens a new instance over the same data. */
  private RunStore open(Kind kind) {
    return switch (kind) {
      case IN_MEMORY -> memory == null ? memory = new InMemoryRunStore() : memory;
      case DIRECTORY -> DirectoryRunStore.open(directory.resolve("runs"));
      case SQLITE -> JdbcRunStore.create("jdbc:sqlite:" + directory.resolve("runs.db"));
      case POSTGRESQL -> {
        TestPostgres.requireServer();
        tables.add(table);
        yield JdbcRunStore.builder(TestPostgres.url()).table(table).build();
      }
    };
  }

  @AfterEach
  void dropTable() throws Exception {
    if (!tables.isEmpty() && TestPostgres.url() != null) {
      try (Connection connection = DriverManager.getConnection(TestPostgres.url());
          Statement statement = connection.createStatement()) {
        statement.execute("DROP TABLE IF EXISTS " + table);
      }
    }
  }

  private static void save(RunStore store, Snapshot snapshot, String json) {
    store.save(new Checkpoint(snapshot.runId(), snapshot.workflow(), snapshot.graphHash(), RunStatus.WAITING, json), 0);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void everyValueLoadsBackVerbatimAndResumesExactly(Kind kind) throws Exception {
    Map<String, Object> values = TrickyValues.all();
    Map<String, Object> start = Map.of("long", 5L, "lone", "\uD800", "nan", Float.NaN);
    var flow = new HoldingFlow(values);
    Snapshot snapshot = flow.snapshotWithValues(new MapStartEvent(start));
    String json = snapshot.toJson();

    save(open(kind), snapshot, json);
    RunStore other = open(kind);
    ResultEvent result = flow.workflow().resume(snapshot.runId(), other).result();

    assertSameValues(values, HoldingFlow.valuesOf(result));
    assertSameValues(start, HoldingFlow.startDataOf(result));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void savedSnapshotTextLoadsBackVerbatim(Kind kind) throws Exception {
    Snapshot snapshot = new HoldingFlow(TrickyValues.all()).snapshotWithValues(new MapStartEvent(Map.of()));
    String json = snapshot.toJson();

    save(open(kind), snapshot, json);

    assertEquals(json, open(kind).load(snapshot.runId()).orElseThrow().snapshotJson());
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void snapshotBeyondTheDefaultLengthIsRefusedByDefaultAndResumesWithRaisedLimits(Kind kind) throws Exception {
    String large = "x".repeat(Snapshot.DEFAULT_MAX_CHARS);
    var flow = new HoldingFlow(Map.of("large", large));
    Snapshot snapshot = flow.snapshotWithValues(new MapStartEvent(Map.of()));
    String json = snapshot.toJson();
    save(open(kind), snapshot, json);
    RunStore store = open(kind);

    var refused = assertThrows(SnapshotException.class, () -> flow.workflow().resume(snapshot.runId(), store));
    ResultEvent result = flow.workflow().resume(snapshot.runId(), store, RunOptions.defaults(),
        Snapshot.DEFAULT_LIMITS.withMaxChars(2 * Snapshot.DEFAULT_MAX_CHARS)).result();

    assertEquals(SnapshotException.Reason.OVERSIZED, refused.reason());
    assertEquals("Cannot read snapshot: it has " + json.length() + " characters, more than the limit of 16777216."
        + " If the snapshot comes from a trusted store, raise the limits with Snapshot.fromJson(json, JsonLimits),"
        + " or resume(runId, store, options, JsonLimits).", refused.getMessage());
    assertEquals(Map.of("large", large), HoldingFlow.valuesOf(result));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void storedSnapshotNamingExecutionsTwiceIsRefusedAtResume(Kind kind) throws Exception {
    var flow = new HoldingFlow(Map.of());
    Snapshot snapshot = flow.snapshotWithValues(new MapStartEvent(Map.of("n", 1)));
    String json = snapshot.toJson();
    int at = json.indexOf(",\"executions\":");
    int end = json.indexOf(",\"waiters\":");
    save(open(kind), snapshot, json.substring(0, end) + json.substring(at, end) + json.substring(end));

    var error = assertThrows(SnapshotException.class, () -> flow.workflow().resume(snapshot.runId(), open(kind)));

    assertEquals(SnapshotException.Reason.MALFORMED, error.reason());
    assertTrue(error.getMessage().endsWith(": Duplicate Object property \"executions\". Pass the text Snapshot.toJson()"
        + " wrote, unchanged."), error.getMessage());
  }

  @Test
  void checkpointTextAStoreCannotKeepIsRefusedBeforeAnyStoreSeesIt() {
    var lone = assertThrows(IllegalArgumentException.class,
        () -> new Checkpoint("run-1", "holding", null, RunStatus.WAITING, "{\"s\":\"a\uD800\"}"));
    var nul = assertThrows(IllegalArgumentException.class,
        () -> new Checkpoint("run-1", "holding", null, RunStatus.WAITING, "{\"s\":\"\u0000\"}"));
    var runId = assertThrows(IllegalArgumentException.class,
        () -> new Checkpoint("run-\uDC00", "holding", null, RunStatus.WAITING, "{}"));

    assertEquals("The snapshot JSON of the checkpoint of run 'run-1' has a lone UTF-16 surrogate at index 7, which a"
        + " store cannot keep as text. Save the text Snapshot.toJson() wrote, which escapes it.", lone.getMessage());
    assertEquals("The snapshot JSON of the checkpoint of run 'run-1' has a NUL character at index 6, which a store"
        + " cannot keep as text. Save the text Snapshot.toJson() wrote, which escapes it.", nul.getMessage());
    assertEquals("A run id must not contain a lone UTF-16 surrogate, which a store cannot keep as text; it has one at"
        + " index 4.", runId.getMessage());
    assertEquals("{\"s\":\"\uD83D\uDE00\"}", new Checkpoint("run-1", "holding", null, RunStatus.WAITING,
        "{\"s\":\"\uD83D\uDE00\"}").snapshotJson());
  }

  @Test
  void runFileNamingAFieldTwiceIsReportedAsCorrupt() throws Exception {
    RunStore store = open(Kind.DIRECTORY);
    store.save(new Checkpoint("run-1", "holding", null, RunStatus.WAITING, "{\"a\":1}"), 0);
    Path file = directory.resolve("runs").resolve(RunFileNames.fileName("run-1"));
    Files.writeString(file, Files.readString(file).replace("\"status\":\"WAITING\"",
        "\"status\":\"WAITING\",\"status\":\"FINISHED\""));

    var error = assertThrows(RunStoreException.class, () -> store.load("run-1"));

    assertTrue(error.getMessage().startsWith("Run file " + file + " is not a readable run record: it is not valid JSON"
        + " (Duplicate Object property \"status\")"), error.getMessage());
  }
}
