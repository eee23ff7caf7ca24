package io.stepwise.internal.loop;

import static io.stepwise.fixture.Steps.batch;
import static io.stepwise.fixture.Steps.step;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.fixture.Events.Done;
import io.stepwise.fixture.Events.Mid;
import io.stepwise.fixture.Events.Other;
import io.stepwise.fixture.Events.Right;
import io.stepwise.fixture.Events.Start;
import io.stepwise.fixture.Steps;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fan-ins ({@code List<E>} parameters) in the reducer, without threads: batches, order, images. */
class RunLoopBatchTest {
  /** begin -> Other x2 -> split (fan-out of Mid) -> work (Mid -> Right) -> gather(List<Right>). */
  private static Steps[] steps() {
    return new Steps[] {
        step("begin", Start.class).emits(Other.class),
        step("split", Other.class).emits(Mid.class),
        step("work", Mid.class).emits(Right.class),
        batch("gather", Right.class, 1).emits(Done.class)};
  }

  /** Two splits ran: the first returned two Mids (both being worked on), the second an empty list. */
  private static LoopHarness twoBatchesOpen() {
    LoopHarness run = new LoopHarness(steps());
    run.start(new Start(1));
    run.returned(1, new Other("a"), new Other("b"));
    assertEquals(List.of("start #4 work [Mid[n=1]]", "start #5 work [Mid[n=2]]"),
        run.returned(2, new Mid(1), new Mid(2)));
    assertEquals(List.of(), run.returned(3));
    return run;
  }

  @Test
  void batchFiresOnceCompleteAndAnEmptyBatchBehindItFiresRightAfter() {
    LoopHarness run = twoBatchesOpen();

    assertEquals(List.of(), run.returned(4, new Right("r1")));
    assertEquals(List.of("start #6 gather [Right[text=r1], Right[text=r2]]", "start #7 gather []"),
        run.returned(5, new Right("r2")));
  }

  @Test
  void imageHoldsTheMembersAndTheOpenBatchesAndAResumedRunCompletesThem() {
    LoopHarness run = twoBatchesOpen();
    run.returned(4, new Right("r1"));
    LoopImage image = run.loop.image();

    assertEquals(List.of(new LoopImage.StepImage(3, List.of(), List.of(), List.of(),
        List.of(new LoopImage.Buffered(new Right("r1"), 0)),
        List.of(new LoopImage.BatchImage(2, 0), new LoopImage.BatchImage(0, 0)))), image.steps());

    LoopHarness resumed = new LoopHarness(steps());
    assertEquals(List.of("start #1 work [Mid[n=2]]"), resumed.tick(new Tick.Resumed(image)));
    assertEquals(List.of("start #2 gather [Right[text=r1], Right[text=r2]]", "start #3 gather []"),
        resumed.returned(1, new Right("r2")));
    assertEquals(List.of(), resumed.loop.image().steps());
  }

  @Test
  void membersFillBatchesInArrivalOrder() {
    LoopHarness run = new LoopHarness(steps());
    run.start(new Start(1));
    run.returned(1, new Other("a"), new Other("b"));
    run.returned(2, new Mid(1));
    run.returned(3, new Mid(2), new Mid(3));
    // Work on the second batch ends first: its member completes the oldest batch, of one.
    assertEquals(List.of("start #7 gather [Right[text=from 3]]"), run.returned(6, new Right("from 3")));
    assertEquals(List.of(), run.returned(4, new Right("from 1")));
    assertEquals(List.of("start #8 gather [Right[text=from 1], Right[text=from 2]]"),
        run.returned(5, new Right("from 2")));
  }
}
