package io.stepwise.store.directory;

import io.stepwise.store.Checkpoint;
import io.stepwise.store.RunStatus;
import io.stepwise.store.RunStore;
import io.stepwise.store.RunStoreException;
import io.stepwise.store.RunStoreRules;
import io.stepwise.store.StaleRunException;
import io.stepwise.store.StoredRun;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A run store in a directory: one JSON file per run. A save writes a temporary file, forces it to
 * disk, renames it over the run's file atomically and forces the directory, so after a crash at
 * any point the file holds the previous checkpoint or the new one, never a torn mix. Processes
 * sharing the directory (on a local file system) take a lock file for each save and delete.
 */
public final class DirectoryRunStore implements RunStore {
  private static final String LOCK_FILE = ".stepwise.lock";

  private final Path directory;
  private final InstantSource clock;
  private final ReentrantLock processLock;

  private DirectoryRunStore(Path directory, InstantSource clock) {
    this.directory = directory;
    this.clock = clock;
    this.processLock = DirectoryLocks.forDirectory(directory);
  }

  /** A store in {@code directory}, created if missing, stamping saves with the system clock. */
  public static DirectoryRunStore open(Path directory) {
    return open(directory, InstantSource.system());
  }

  /**
   * A store in {@code directory}, created if missing, stamping saves with {@code clock}. Temporary
   * files left by a process that crashed while saving are deleted.
   */
  public static DirectoryRunStore open(Path directory, InstantSource clock) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(clock, "clock");
    Path real;
    try {
      Files.createDirectories(directory);
      real = directory.toRealPath();
    } catch (IOException e) {
      throw new RunStoreException("Cannot open the run store directory " + directory + ": " + e
          + ". Check that the path is a writable directory.", e);
    }
    DirectoryRunStore store = new DirectoryRunStore(real, clock);
    store.locked(store::deleteTempFiles);
    return store;
  }

  /** The directory this store writes to. */
  public Path directory() {
    return directory;
  }

  @Override
  public StoredRun save(Checkpoint checkpoint, long expectedVersion) {
    RunStoreRules.requireSave(checkpoint, expectedVersion);
    return locked(() -> {
      Path file = fileOf(checkpoint.runId());
      long actual = read(file).map(StoredRun::version).orElse(0L);
      if (actual != expectedVersion) {
        throw new StaleRunException(checkpoint.runId(), expectedVersion, actual);
      }
      StoredRun saved = new StoredRun(checkpoint, actual + 1, clock.instant());
      replace(file, RunRecordJson.write(saved));
      return saved;
    });
  }

  @Override
  public Optional<StoredRun> load(String runId) {
    // No lock: a rename is atomic, so a reader sees a whole file, old or new.
    return read(fileOf(Checkpoint.requireRunId(runId)));
  }

  @Override
  public List<StoredRun> list(Set<RunStatus> statuses) {
    RunStoreRules.requireStatuses(statuses);
    List<StoredRun> runs = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory,
        entry -> RunFileNames.isRunFile(entry.getFileName().toString()))) {
      for (Path file : entries) {
        // A run deleted since the directory was listed is simply not listed.
        read(file).filter(run -> statuses.contains(run.status())).ifPresent(runs::add);
      }
    } catch (IOException e) {
      throw new RunStoreException("Cannot list the run store directory " + directory + ": " + e + ".", e);
    }
    runs.sort(RunStoreRules.LISTING_ORDER);
    return runs;
  }

  @Override
  public boolean delete(String runId) {
    Path file = fileOf(Checkpoint.requireRunId(runId));
    return locked(() -> {
      try {
        boolean deleted = Files.deleteIfExists(file);
        if (deleted) {
          forceDirectory();
        }
        return deleted;
      } catch (IOException e) {
        throw new RunStoreException("Cannot delete run file " + file + ": " + e + ".", e);
      }
    });
  }

  private Path fileOf(String runId) {
    return directory.resolve(RunFileNames.fileName(runId));
  }

  private Optional<StoredRun> read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | UncheckedIOException e) {
      throw new RunStoreException("Cannot read run file " + file + ": " + e + ".", e);
    }
    StoredRun run;
    try {
      run = RunRecordJson.read(text);
    } catch (IllegalArgumentException e) {
      throw corrupt(file, e.getMessage(), e);
    }
    if (!file.getFileName().toString().equals(RunFileNames.fileName(run.runId()))) {
      throw corrupt(file, "it holds run '" + run.runId() + "', whose file is "
          + RunFileNames.fileName(run.runId()), null);
    }
    return Optional.of(run);
  }

  private static RunStoreException corrupt(Path file, String why, Throwable cause) {
    return new RunStoreException("Run file " + file + " is not a readable run record: " + why
        + ". The file was left as it is; restore it from a backup, or delete it to give up the run.", cause);
  }

  /** Writes {@code text} to {@code file} so that the file is never seen half-written. */
  private void replace(Path file, String text) {
    Path temp = directory.resolve("." + file.getFileName() + "."
        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + RunFileNames.TEMP_SUFFIX);
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      forceDirectory();
    } catch (AtomicMoveNotSupportedException e) {
      deleteQuietly(temp);
      throw new RunStoreException("The file system of " + directory + " cannot replace a file atomically,"
          + " so a crash could tear run files. Put the run store on a local file system.", e);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new RunStoreException("Cannot write run file " + file + ": " + e
          + ". The previous checkpoint is unchanged.", e);
    }
  }

  /** Makes a rename or delete durable: it lives in the directory's own data. */
  private void forceDirectory() throws IOException {
    if (File.separatorChar == '\\') {
      return; // Windows cannot open a directory as a channel; NTFS journals the rename itself.
    }
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  /** Only a crashed writer leaves temporary files: live writers hold the lock while theirs exists. */
  private Void deleteTempFiles() {
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(directory,
        entry -> RunFileNames.isTempFile(entry.getFileName().toString()))) {
      for (Path temp : temps) {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new RunStoreException("Cannot clean up temporary files in " + directory + ": " + e + ".", e);
    }
    return null;
  }

  private static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // The next open() deletes it; the run's file itself was not touched.
    }
  }

  /** Runs {@code action} holding this directory's lock against threads and other processes. */
  private <T> T locked(Supplier<T> action) {
    processLock.lock();
    try (FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE),
            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = channel.lock()) {
      return action.get();
    } catch (IOException e) {
      throw new RunStoreException("Cannot lock the run store directory " + directory + ": " + e + ".", e);
    } finally {
      processLock.unlock();
    }
  }
}
