package io.stepwise.behaviour;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Collects three even scores with {@code ctx.collectEvents(ev, expected, filter)}; odd ones are
 * refused by the filter and never buffered. With {@code holdAt}, the collector blocks after its
 * collect call for that value, so a test can take a snapshot with the call in flight.
 */
@Workflow(name = "filtered-collect", timeout = "30s")
public class FilteredCollectFlow {
  public record Batch(List<Integer> values) implements StartEvent {}

  public record Score(int value) implements Event {}

  public record Evens(List<Integer> values) implements StopEvent {}

  private final int holdAt;
  final CountDownLatch held = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  /** @param holdAt the value whose collector execution blocks after collecting, or -1 */
  public FilteredCollectFlow(int holdAt) {
    this.holdAt = holdAt;
  }

  @Step
  List<Score> start(Batch batch) {
    return batch.values().stream().map(Score::new).toList();
  }

  @Step(workers = 1)
  Optional<Evens> keepEven(Score score, Context<?> ctx) throws InterruptedException {
    Optional<List<Event>> all =
        ctx.collectEvents(score, Collections.nCopies(3, Score.class), event -> ((Score) event).value() % 2 == 0);
    if (score.value() == holdAt) {
      held.countDown();
      release.await(20, TimeUnit.SECONDS);
    }
    return all.map(events -> new Evens(events.stream().map(event -> ((Score) event).value()).toList()));
  }
}
