package io.stepwise.samples.extraction.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.samples.extraction.ExtractionEvents.SchemaReview;
import io.stepwise.samples.extraction.cli.DurableArguments.Respond;
import io.stepwise.samples.extraction.cli.DurableArguments.Runs;
import io.stepwise.samples.extraction.cli.DurableArguments.Start;
import io.stepwise.samples.extraction.cli.DurableArguments.StoreLocation;
import io.stepwise.store.Checkpoint;
import io.stepwise.store.RunStatus;
import io.stepwise.store.RunStore;
import io.stepwise.store.jdbc.JdbcRunStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The durable {@code extract} commands in this JVM: their arguments and every refusal. */
@Timeout(60)
class DurableCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @TempDir
  Path directory;

  private int run(String... args) {
    out.reset();
    err.reset();
    return ExtractCommand.run(List.of(args), Map.of(), new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private static DurableArguments parse(Map<String, String> env, String... args) {
    return DurableArguments.parse(List.of(args), env);
  }

  private static String problem(String... args) {
    return assertThrows(IllegalArgumentException.class, () -> parse(Map.of(), args)).getMessage();
  }

  @Test
  void theStoreIsTheOptionElseTheVariableElseAFileInTheHomeFolder() {
    Path home = Path.of(System.getProperty("user.home"), ".stepwise", "extraction.db");
    Path variable = Path.of("from-env.db").toAbsolutePath();
    Path option = Path.of("given.db").toAbsolutePath();

    assertEquals(new Runs(new StoreLocation(home, false)), parse(Map.of(), "runs"));
    assertEquals(new Runs(new StoreLocation(variable, false)),
        parse(Map.of(DurableArguments.STORE_VARIABLE, "from-env.db"), "runs"));
    assertEquals(new Runs(new StoreLocation(option, true)),
        parse(Map.of(DurableArguments.STORE_VARIABLE, "from-env.db"), "runs", "--store", "given.db"));
  }

  @Test
  void startTakesAFileAndAPromptAndDefaultsLikeTheLiveCommand() {
    StoreLocation store = new StoreLocation(Path.of("s.db").toAbsolutePath(), true);

    assertEquals(new Start(Optional.empty(), ExtractArguments.DEFAULT_PROMPT, store), parse(Map.of(), "start", "--store", "s.db"));
    assertEquals(new Start(Optional.of("paper.pdf"), "the title", store),
        parse(Map.of(), "start", "--prompt", "the title", "--store", "s.db", "paper.pdf"));
  }

  @Test
  void respondTakesARunIdAndOneAnswer() {
    StoreLocation store = new StoreLocation(Path.of("s.db").toAbsolutePath(), true);

    assertEquals(new Respond("r-1", SchemaReview.approve(), store), parse(Map.of(), "respond", "r-1", "--approve", "--store", "s.db"));
    assertEquals(new Respond("r-1", SchemaReview.feedback("add the tax"), store),
        parse(Map.of(), "respond", "--feedback", "add the tax", "r-1", "--store", "s.db"));
  }

  @Test
  void badDurableArgumentsSayWhatIsWrong() {
    assertEquals("extract respond needs the run id that extract start printed.", problem("respond", "--approve"));
    assertEquals("extract respond needs an answer: --approve, or --feedback \"what to change\".", problem("respond", "r-1"));
    assertEquals("extract respond takes one answer: --approve or --feedback TEXT, not both nor twice.",
        problem("respond", "r-1", "--approve", "--feedback", "more"));
    assertEquals("--feedback needs a text saying what to change, e.g. --feedback \"add the line items\".",
        problem("respond", "r-1", "--feedback"));
    assertEquals("extract respond answers one run, got 'r-1' and 'add'. Quote feedback with spaces: --feedback \"...\".",
        problem("respond", "r-1", "add"));
    assertEquals("Unknown option '--approve'. extract start takes FILE, --prompt TEXT and --store PATH.",
        problem("start", "--approve"));
    assertEquals("Unknown option '--prompt'. extract respond takes RUN_ID, --approve or --feedback TEXT, and --store PATH.",
        problem("respond", "r-1", "--prompt", "x"));
    assertEquals("extract start reads one document, got 'a.pdf' and 'b.pdf'. Quote a path with spaces.",
        problem("start", "a.pdf", "b.pdf"));
    assertEquals("extract runs takes only --store PATH, got 'all'.", problem("runs", "all"));
    assertEquals("--store needs the path of the store file, e.g. --store runs.db.", problem("runs", "--store"));
  }

  @Test
  void badDurableUsageExitsWithTwoAndTheUsage() {
    assertEquals(2, run("respond", "r-1"));
    assertEquals("extract respond needs an answer: --approve, or --feedback \"what to change\".\nusage:\n"
        + ExtractCommand.USAGE, err());
    assertEquals("", out());
  }

  @Test
  void startPausesAtTheProposalAndRespondInThisProcessFinishesTheRun() {
    String store = directory.resolve("runs.db").toString();

    assertEquals(0, run("start", "--store", store));
    Matcher waiting = Pattern.compile("Run ([0-9a-f-]{36}) is waiting").matcher(out());
    assertTrue(waiting.find(), out());
    String runId = waiting.group(1);
    assertEquals(0, run("runs", "--store", store));
    assertTrue(out().matches("Runs waiting for a review in " + Pattern.quote(store) + " \\(oldest first\\):\n"
        + "RUN ID {32}WORKFLOW {6}WAITING SINCE\n" + runId + "  extraction {4}\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\n"), out());

    assertEquals(0, run("respond", runId, "--approve", "--store", store));

    assertTrue(out().contains("\nExtracted data (scripted model, offline):\n{\n  \"invoice_number\" : \"INV-2026-014\",\n"), out());
    assertTrue(out().contains("\nAs CSV (the schema is flat):\ninvoice_number,"), out());
    assertTrue(out().endsWith("\nRun " + runId + " finished.\n"), out());
    assertEquals(RunStatus.FINISHED, JdbcRunStore.create("jdbc:sqlite:" + store).load(runId).orElseThrow().status());
  }

  @Test
  void anUnknownRunIsRefusedAndTheStoreIsUnchanged() {
    String store = directory.resolve("runs.db").toString();
    RunStore runs = JdbcRunStore.create("jdbc:sqlite:" + store);
    runs.save(new Checkpoint("other", "ask", null, RunStatus.WAITING, "{}"), 0);
    var before = runs.list();

    assertEquals(1, run("respond", "no-such-run", "--approve", "--store", store));

    assertEquals("Run 'no-such-run' is not in the run store " + store + ". extract runs lists the runs waiting for a"
        + " review.\n", err());
    assertEquals("", out());
    assertEquals(before, runs.list());
  }

  @Test
  void aRunOfAnotherWorkflowIsRefusedAndLeftWaiting() {
    String store = directory.resolve("runs.db").toString();
    RunStore runs = JdbcRunStore.create("jdbc:sqlite:" + store);
    runs.save(new Checkpoint("ask-1", "ask", null, RunStatus.WAITING, "{}"), 0);
    var before = runs.list();

    assertEquals(1, run("respond", "ask-1", "--feedback", "more", "--store", store));

    assertEquals("Run 'ask-1' is a run of workflow 'ask', not of 'extraction'; answer it with the program that started"
        + " it.\n", err());
    assertEquals(before, runs.list());
  }

  @Test
  void aFinishedRunIsRefusedAndAFailedOneToo() {
    String store = directory.resolve("runs.db").toString();
    RunStore runs = JdbcRunStore.create("jdbc:sqlite:" + store);
    runs.save(new Checkpoint("done-1", "extraction", null, RunStatus.FINISHED, "{}"), 0);
    runs.save(new Checkpoint("failed-1", "extraction", null, RunStatus.FAILED, "{}"), 0);
    var before = runs.list();

    assertEquals(1, run("respond", "done-1", "--approve", "--store", store));
    assertEquals("Run 'done-1' is not waiting for a review: it has finished, and its data was printed when it was"
        + " approved. extract runs lists the runs waiting for a review.\n", err());
    assertEquals(1, run("respond", "failed-1", "--approve", "--store", store));
    assertEquals("Run 'failed-1' is not waiting for a review: it failed, and a failed extraction is not answered again;"
        + " start a new one. extract runs lists the runs waiting for a review.\n", err());
    assertEquals(before, runs.list());
  }

  @Test
  void aFileThatIsNotSqliteIsRefusedUntouchedByEveryCommand() throws Exception {
    Path notes = directory.resolve("notes.txt");
    Files.writeString(notes, "shopping list\n");
    String expected = notes + " is not a Stepwise run store: it is not a SQLite database. Pass --store with the file"
        + " extract start created, or a new path.\n";

    assertEquals(1, run("start", "--store", notes.toString()));
    assertEquals(expected, err());
    assertEquals(1, run("respond", "r-1", "--approve", "--store", notes.toString()));
    assertEquals(expected, err());
    assertEquals(1, run("runs", "--store", notes.toString()));
    assertEquals(expected, err());
    assertEquals("shopping list\n", Files.readString(notes));
    assertEquals(List.of(notes), Files.list(directory).toList());
  }

  @Test
  void aSqliteDatabaseOfSomethingElseIsRefusedUntouched() throws Exception {
    Path other = directory.resolve("app.db");
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + other);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
    }
    byte[] before = Files.readAllBytes(other);

    assertEquals(1, run("start", "--store", other.toString()));

    assertEquals(other + " is not a Stepwise run store: it is a SQLite database without a stepwise_runs table (it has"
        + " customers). Pass --store with the file extract start created, or a new path.\n", err());
    assertArrayEquals(before, Files.readAllBytes(other));
    assertEquals(List.of(other), Files.list(directory).toList());
  }

  @Test
  void respondAndRunsCreateNoStoreWhereThereIsNone() {
    Path missing = directory.resolve("none").resolve("runs.db");

    assertEquals(1, run("respond", "r-1", "--approve", "--store", missing.toString()));
    assertEquals("There is no run store at " + missing + ". extract start creates it; pass --store with the file it"
        + " used.\n", err());
    assertEquals(0, run("runs", "--store", missing.toString()));
    assertEquals("No run is waiting for a review in " + missing + ".\n", out());
    assertFalse(Files.exists(missing.getParent()));
  }
}
