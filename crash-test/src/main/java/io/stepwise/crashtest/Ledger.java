package io.stepwise.crashtest;

import io.stepwise.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What the steps of one trial did, where a {@code kill -9} cannot erase it. Each step execution
 * appends one line to the trial's ledger file when it begins ({@code <pid> began <key> <attempt>},
 * forced to disk before the step goes on), and puts a completion mark {@code done:<key>} in the
 * run's store as the last thing before it returns. The ledger counts executions across every JVM
 * of the trial; the mark tells the driver which executions a stored checkpoint holds as completed
 * (marked, and not among the executions in flight).
 */
public final class Ledger {
  /** The prefix of a completion mark in the run's store. */
  public static final String MARK = "done:";

  private final FileChannel file;
  private final long pid = ProcessHandle.current().pid();

  private Ledger(Path path) {
    try {
      file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the ledger " + path, e);
    }
  }

  /** A ledger appending to {@code path}. */
  public static Ledger open(Path path) {
    return new Ledger(path);
  }

  /**
   * Records that {@code step} of {@code workflow} begins on the events numbered {@code ns}, and
   * returns the execution's key for {@link #completed}.
   */
  public String began(Context<?> ctx, String workflow, String step, int... ns) {
    String key = ExecutionKey.of(workflow, step, ns);
    append("began " + key + " " + ctx.retryInfo().attempt());
    return key;
  }

  /** Marks the execution {@code key} completed in the run's store: call it just before returning. */
  public void completed(Context<?> ctx, String key) {
    ctx.store().put(MARK + key, true);
  }

  /** Records the result a step is about to return, in case the worker dies before it can print it. */
  public void stopping(Outcome result) {
    append("stop " + result.summary());
  }

  private synchronized void append(String line) {
    ByteBuffer bytes = ByteBuffer.wrap((pid + " " + line + "\n").getBytes(StandardCharsets.UTF_8));
    try {
      while (bytes.hasRemaining()) {
        file.write(bytes);
      }
      file.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot append to the ledger", e);
    }
  }
}
