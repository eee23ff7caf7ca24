package io.stepwise.internal.loop;

import io.stepwise.graph.TypeTag;
import io.stepwise.Event;
import io.stepwise.RestoredException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Turns the loop's data into the image a snapshot holds, and an image's executions back into data. */
final class LoopImages {
  private LoopImages() {}

  /** The loop's data at this cut; retry delays are given as zero, the driver knows what is left. */
  static LoopImage of(StepState[] steps, InFlight inFlight, Waiters waiters) {
    List<LoopImage.StepImage> buffered = new ArrayList<>();
    for (StepState state : steps) {
      LoopImage.StepImage image = state == null ? null : state.image();
      if (image != null) {
        buffered.add(image);
      }
    }
    List<InFlight.Execution> running = inFlight.all();
    List<LoopImage.ExecutionImage> executions = new ArrayList<>(running.size());
    for (InFlight.Execution execution : running) {
      Throwable error = execution.lastError();
      ExecutionProgress progress = inFlight.progressIfAny(execution.id());
      executions.add(new LoopImage.ExecutionImage(execution.id(), execution.step(), List.of(execution.events()),
          execution.attempt(), execution.lineage(), error == null ? null : ErrorNames.typeOf(error),
          error == null ? null : error.getMessage(), execution.elapsed(), execution.waiting() ? Duration.ZERO : null,
          progress == null ? LoopImage.Progress.NONE : progress.image()));
    }
    List<LoopImage.WaiterImage> waits = new ArrayList<>();
    for (Waiters.Waiter waiter : waiters.all()) {
      waits.add(new LoopImage.WaiterImage(waiter.step(), TypeTag.of(waiter.type()), waiter.waiterEvent(),
          waiter.timeout()));
    }
    return new LoopImage(buffered, executions, waits);
  }

  /** An execution of a resumed run, under a new key and worker; it waits when it was waiting to retry. */
  static InFlight.Execution execution(LoopImage.ExecutionImage image, long key, int worker) {
    Throwable lastError = image.errorType() == null ? null
        : new RestoredException(image.errorType(), image.errorMessage());
    return new InFlight.Execution(key, image.step(), image.events().toArray(Event[]::new), image.attempt(),
        image.retryIn() != null, worker, image.lineage(), lastError, image.elapsed());
  }
}
