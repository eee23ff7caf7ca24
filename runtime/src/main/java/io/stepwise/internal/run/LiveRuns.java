package io.stepwise.internal.run;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The runs with a run store that this process drives and whose last save has not ended yet, by
 * run id, so that resuming a run here waits until an earlier handler of the same run (one just
 * cancelled, say) has written its last: a late save of the old handler can then never land after
 * the resume's claim.
 */
public final class LiveRuns {
  private static final ConcurrentMap<String, CompletableFuture<Void>> SAVING = new ConcurrentHashMap<>();

  private LiveRuns() {}

  /** A run starts saving here; complete the returned future after its last save. */
  static CompletableFuture<Void> started(String runId) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    SAVING.put(runId, done);
    done.whenComplete((ignored, error) -> SAVING.remove(runId, done));
    return done;
  }

  /**
   * Waits until the run of this id driven here, if any, has saved its last.
   *
   * @return false when it still had not after {@code timeout}
   */
  public static boolean awaitEnd(String runId, Duration timeout) {
    CompletableFuture<Void> saving = SAVING.get(runId);
    if (saving == null) {
      return true;
    }
    try {
      saving.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException stillSaving) {
      return false;
    } catch (ExecutionException impossible) {
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
