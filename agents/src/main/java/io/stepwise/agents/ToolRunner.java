package io.stepwise.agents;

import io.stepwise.WorkflowCancelledException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs one tool call under its timeout and turns every failure into text for the model. */
final class ToolRunner {
  private ToolRunner() {}

  /** A tool's output, or the error the model reads. */
  record Outcome(String output, boolean error) {}

  static Outcome run(AgentTool tool, ToolInput input, Duration timeout) {
    if (timeout.isZero()) {
      return callHere(tool, input);
    }
    CompletableFuture<Outcome> result = new CompletableFuture<>();
    // A virtual thread per call: a tool that overruns is interrupted and left behind, the agent goes on.
    Thread worker = Thread.ofVirtual().name("tool-" + tool.name()).start(() -> {
      try {
        result.complete(callHere(tool, input));
      } catch (Throwable t) {
        result.completeExceptionally(t);
      }
    });
    try {
      return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      worker.interrupt();
      return new Outcome("Error: tool '" + tool.name() + "' did not finish within " + timeout
          + " and was stopped.", true);
    } catch (InterruptedException e) {
      worker.interrupt();
      Thread.currentThread().interrupt();
      throw new WorkflowCancelledException("The run stopped while tool '" + tool.name() + "' was running");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    }
  }

  private static Outcome callHere(AgentTool tool, ToolInput input) {
    try {
      String output = tool.call(input);
      return new Outcome(output == null ? "" : output, false);
    } catch (WorkflowCancelledException e) {
      throw e; // the run is ending: not the model's business
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome("Error: tool '" + tool.name() + "' was interrupted.", true);
    } catch (Exception e) {
      String message = e.getMessage() == null ? "" : ": " + e.getMessage();
      return new Outcome("Error: " + e.getClass().getSimpleName() + message, true);
    }
  }
}
