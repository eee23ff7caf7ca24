package io.stepwise.store.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.store.RunStatus;
import io.stepwise.store.RunStore;
import io.stepwise.store.RunStoreException;
import io.stepwise.store.StoredRun;
import io.stepwise.store.contract.RunStoreContract;
import io.stepwise.store.contract.TickingClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryRunStoreTest extends RunStoreContract {
  @TempDir
  Path directory;

  @Override
  protected RunStore open(InstantSource clock) {
    return DirectoryRunStore.open(directory.resolve("runs"), clock);
  }

  @Override
  protected RunStore reopen(InstantSource clock) {
    return DirectoryRunStore.open(directory.resolve("runs"), clock);
  }

  private Path runs() {
    return directory.resolve("runs");
  }

  @Test
  void checkpointsOutliveTheStoreThatSavedThem() {
    StoredRun saved = store.save(checkpoint("run-1", RunStatus.WAITING, SNAPSHOT), 0);

    RunStore later = reopen(new TickingClock());

    assertEquals(Optional.of(saved), later.load("run-1"));
    assertTrue(Files.exists(runs().resolve("run-1.run.json")));
  }

  @Test
  void crashBeforeTheRenameLeavesTheLastCheckpointAndTheNextOpenCleansUp() throws IOException {
    StoredRun saved = store.save(checkpoint("run-1", RunStatus.RUNNING, "{\"step\":1}"), 0);
    String next = RunRecordJson.write(new StoredRun(checkpoint("run-1", RunStatus.RUNNING, "{\"step\":2}"), 2,
        TickingClock.START.plusSeconds(9)));
    // What a process killed mid-write leaves: a temporary file holding half the new record.
    Path torn = runs().resolve(".run-1.run.json.00000000deadbeef.tmp");
    Files.writeString(torn, next.substring(0, next.length() / 2));

    assertEquals(Optional.of(saved), store.load("run-1"));
    assertEquals(List.of(saved), store.list());

    RunStore afterRestart = reopen(new TickingClock());

    assertFalse(Files.exists(torn));
    assertEquals(Optional.of(saved), afterRestart.load("run-1"));
    StoredRun resumed = afterRestart.save(checkpoint("run-1", RunStatus.FINISHED, "{\"step\":2}"), saved.version());
    assertEquals(2, resumed.version());
  }

  @Test
  void aSaveLeavesNoTemporaryFileBehind() throws IOException {
    StoredRun first = store.save(checkpoint("run-1", RunStatus.RUNNING, SNAPSHOT), 0);
    store.save(checkpoint("run-1", RunStatus.RUNNING, SNAPSHOT), first.version());

    try (Stream<Path> files = Files.list(runs())) {
      assertEquals(List.of(".stepwise.lock", "run-1.run.json"),
          files.map(file -> file.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void corruptFileIsReportedAndLeftAsItIs() throws IOException {
    StoredRun good = store.save(checkpoint("good", RunStatus.RUNNING, SNAPSHOT), 0);
    store.save(checkpoint("bad", RunStatus.RUNNING, SNAPSHOT), 0);
    Path bad = runs().resolve("bad.run.json");
    Files.writeString(bad, "{\"format\":1,\"runId\":\"bad\",\"sta");

    RunStoreException load = assertThrows(RunStoreException.class, () -> store.load("bad"));
    assertTrue(load.getMessage().startsWith("Run file " + bad + " is not a readable run record: it is not valid JSON ("),
        load.getMessage());
    assertTrue(load.getMessage().endsWith(
        ". The file was left as it is; restore it from a backup, or delete it to give up the run."), load.getMessage());
    assertThrows(RunStoreException.class, () -> store.save(checkpoint("bad", RunStatus.RUNNING, "{}"), 1));
    assertThrows(RunStoreException.class, () -> store.list());

    assertEquals("{\"format\":1,\"runId\":\"bad\",\"sta", Files.readString(bad));
    assertEquals(Optional.of(good), store.load("good"));
  }

  @Test
  void fileOfAnUnknownStatusIsReportedByName() throws IOException {
    store.save(checkpoint("run-1", RunStatus.RUNNING, SNAPSHOT), 0);
    Path file = runs().resolve("run-1.run.json");
    Files.writeString(file, Files.readString(file).replace("\"RUNNING\"", "\"PAUSED\""));

    RunStoreException load = assertThrows(RunStoreException.class, () -> store.load("run-1"));

    assertEquals("Run file " + file + " is not a readable run record: its status 'PAUSED' is none of"
        + " [RUNNING, WAITING, FINISHED, FAILED]. The file was left as it is; restore it from a backup,"
        + " or delete it to give up the run.", load.getMessage());
  }

  @Test
  void fileHoldingAnotherRunIsRefused() throws IOException {
    store.save(checkpoint("run-1", RunStatus.RUNNING, SNAPSHOT), 0);
    Files.copy(runs().resolve("run-1.run.json"), runs().resolve("run-2.run.json"));

    RunStoreException load = assertThrows(RunStoreException.class, () -> store.load("run-2"));

    assertTrue(load.getMessage().contains("is not a readable run record: it holds run 'run-1', whose file is"
        + " run-1.run.json."), load.getMessage());
  }

  @Test
  void fileOfAnotherFormatIsRefused() {
    IllegalArgumentException newer = assertThrows(IllegalArgumentException.class,
        () -> RunRecordJson.read("{\"format\":2,\"runId\":\"r\"}"));

    assertEquals("its format is 2, this version of Stepwise reads format 1", newer.getMessage());
  }

  @Test
  void directoryThatIsAFileCannotBeOpened() throws IOException {
    Path file = Files.writeString(directory.resolve("plain-file"), "x");

    RunStoreException open = assertThrows(RunStoreException.class, () -> DirectoryRunStore.open(file));

    assertTrue(open.getMessage().startsWith("Cannot open the run store directory " + file + ": "), open.getMessage());
  }
}
