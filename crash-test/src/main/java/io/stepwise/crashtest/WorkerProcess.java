package io.stepwise.crashtest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A worker JVM as the driver sees it: started in the trial's directory with the driver's class
 * path, its report lines collected as they come (and its whole output kept in a log file), killed
 * with SIGKILL on demand ({@link Process#destroyForcibly()} is {@code kill -9} on Linux).
 */
final class WorkerProcess {
  /** The exit status of a JVM killed by SIGKILL (128 + 9). */
  static final int KILLED = 137;

  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private final Thread reader;

  private WorkerProcess(Process process, Path log) {
    this.process = process;
    this.reader = Thread.ofPlatform().daemon().start(() -> readLines(log));
  }

  /** Starts {@code Worker} with {@code args} in {@code directory}; its output goes to {@code log}. */
  static WorkerProcess start(Path directory, List<String> args, Path log) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // Faster start-up on a small machine; the harness measures no speed.
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), Worker.class.getName()));
    command.addAll(args);
    try {
      Process process = new ProcessBuilder(command).directory(directory.toFile())
          .redirectErrorStream(true).start();
      return new WorkerProcess(process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start a worker JVM: " + command, e);
    }
  }

  private void readLines(Path log) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        out.write(line);
        out.newLine();
        out.flush();
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // The pipe breaks when the JVM is killed; what it printed until then is kept.
    } finally {
      synchronized (lines) {
        lines.add(null); // end of output
        lines.notifyAll();
      }
    }
  }

  long pid() {
    return process.pid();
  }

  /** Waits until the worker reports its run running, or its output ends; true when it runs. */
  boolean awaitRunning(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    synchronized (lines) {
      while (true) {
        for (String line : lines) {
          if (line == null) {
            return false;
          }
          if (line.startsWith("running ")) {
            return true;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(lines, left);
      }
    }
  }

  /** Kills the JVM with SIGKILL if it still runs; true when this kill ended it. */
  boolean kill() throws InterruptedException {
    if (!process.isAlive()) {
      return false;
    }
    process.destroyForcibly();
    process.waitFor();
    return process.exitValue() == KILLED;
  }

  /** Waits for the JVM to end by itself and returns its exit status; empty when it outlived {@code limit}. */
  OptionalInt awaitExit(Duration limit) throws InterruptedException {
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      return OptionalInt.empty();
    }
    reader.join(Duration.ofSeconds(10));
    return OptionalInt.of(process.exitValue());
  }

  /** The last line that says how the worker stopped ({@code finished ...}, {@code waiting}, ...), or "" if none. */
  String outcome() {
    synchronized (lines) {
      for (int i = lines.size() - 1; i >= 0; i--) {
        String line = lines.get(i);
        if (line != null && line.matches("(finished|waiting|failed|nothing-stored|refused)\\b.*")) {
          return line;
        }
      }
      return "";
    }
  }
}
