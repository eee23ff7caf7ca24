package io.stepwise.internal.loop;

import static io.stepwise.fixture.Steps.step;
import static io.stepwise.fixture.Steps.union;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.fixture.Events.Answer;
import io.stepwise.fixture.Events.Ask;
import io.stepwise.fixture.Events.Done;
import io.stepwise.fixture.Events.Left;
import io.stepwise.fixture.Events.Mid;
import io.stepwise.fixture.Events.Other;
import io.stepwise.fixture.Events.Right;
import io.stepwise.fixture.Events.Route;
import io.stepwise.fixture.Events.Start;
import io.stepwise.fixture.Events.Stray;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Routing in the pure loop: no threads, every command checked. */
class RunLoopRoutingTest {
  @Test
  void startSchedulesRunTimeoutAndStartsTheAcceptingStep() {
    LoopHarness run = new LoopHarness(Duration.ofSeconds(45), step("a", Start.class).emits(Done.class));

    assertEquals(List.of("schedule RunTimedOut[] in PT45S", "start #1 a [Start[n=1]]"), run.start(new Start(1)));
  }

  @Test
  void zeroTimeoutSchedulesNothing() {
    LoopHarness run = new LoopHarness(step("a", Start.class).emits(Done.class));

    assertEquals(List.of("start #1 a [Start[n=1]]"), run.start(new Start(1)));
  }

  @Test
  void eventIsBroadcastToEveryAcceptingStep() {
    LoopHarness run = new LoopHarness(
        step("a", Start.class).emits(Mid.class), step("b", Mid.class), step("c", Mid.class), step("d", Other.class));
    run.start(new Start(1));

    assertEquals(List.of("start #2 b [Mid[n=2]]", "start #3 c [Mid[n=2]]"), run.returned(1, new Mid(2)));
  }

  @Test
  void returnedListIsRoutedInOrder() {
    LoopHarness run = new LoopHarness(step("a", Start.class).emits(Mid.class), step("b", Mid.class));
    run.start(new Start(1));

    assertEquals(List.of("start #2 b [Mid[n=1]]", "start #3 b [Mid[n=2]]"), run.returned(1, new Mid(1), new Mid(2)));
  }

  @Test
  void sealedUnionInputAcceptsEachPermittedType() {
    LoopHarness run = new LoopHarness(
        step("a", Start.class).emits(Left.class, Right.class), union("u", Route.class, Left.class, Right.class));
    run.start(new Start(1));

    assertEquals(List.of("start #2 u [Left[text=l]]", "start #3 u [Right[text=r]]"),
        run.returned(1, new Left("l"), new Right("r")));
  }

  @Test
  void subtypesAreRoutedOnlyWhenTheStepAcceptsSubtypes() {
    LoopHarness run = new LoopHarness(
        step("a", Start.class).emits(Left.class), step("exact", Route.class), step("wide", Route.class).acceptSubtypes());
    run.start(new Start(1));

    assertEquals(List.of("start #2 wide [Left[text=l]]"), run.returned(1, new Left("l")));
  }

  @Test
  void joinFiresOncePerCompleteSetFifoPerType() {
    LoopHarness run = new LoopHarness(
        step("a", Start.class).emits(Mid.class, Other.class), step("join", Mid.class).and(Other.class));
    run.start(new Start(1));

    assertEquals(List.of(), run.tick(new Tick.EventPosted(new Mid(1), -1)));
    assertEquals(List.of(), run.tick(new Tick.EventPosted(new Mid(2), -1)));
    assertEquals(List.of("start #2 join [Mid[n=1], Other[text=x]]"), run.tick(new Tick.EventPosted(new Other("x"), -1)));
    assertEquals(List.of("start #3 join [Mid[n=2], Other[text=y]]"), run.tick(new Tick.EventPosted(new Other("y"), -1)));
  }

  @Test
  void joinOnTwoEventsOfOneTypeFillsBothInputs() {
    LoopHarness run = new LoopHarness(step("a", Start.class).emits(Mid.class), step("pair", Mid.class).and(Mid.class));
    run.start(new Start(1));

    assertEquals(List.of(), run.tick(new Tick.EventPosted(new Mid(1), -1)));
    assertEquals(List.of("start #2 pair [Mid[n=1], Mid[n=2]]"), run.tick(new Tick.EventPosted(new Mid(2), -1)));
  }

  @Test
  void eventSentToOneStepReachesOnlyThatStep() {
    LoopHarness run = new LoopHarness(step("a", Start.class).emits(Mid.class), step("b", Mid.class), step("c", Mid.class));
    run.start(new Start(1));

    assertEquals(List.of("start #2 c [Mid[n=5]]"), run.tick(new Tick.EventSent(1, new Mid(5), 2)));
  }

  @Test
  void inputRequiredEventIsPublishedAndRoutedToItsConsumer() {
    LoopHarness run = new LoopHarness(step("a", Start.class).emits(Ask.class), step("asked", Ask.class));
    run.start(new Start(1));

    assertEquals(List.of("publish Ask[question=why?]", "start #2 asked [Ask[question=why?]]"), run.returned(1, new Ask("why?")));
  }

  @Test
  void eventNobodyConsumesIsDropped() {
    LoopHarness run = new LoopHarness(step("a", Start.class).emits(Stray.class), step("b", Answer.class));
    run.start(new Start(1));

    assertEquals(List.of(), run.returned(1, new Stray()));
  }

  @Test
  void workersCapConcurrencyAndQueueTheRestFifo() {
    LoopHarness run = new LoopHarness(step("a", Start.class).emits(Mid.class), step("b", Mid.class).workers(2));
    run.start(new Start(1));

    assertEquals(List.of("start #2 b [Mid[n=1]]", "start #3 b [Mid[n=2]]"),
        run.returned(1, new Mid(1), new Mid(2), new Mid(3), new Mid(4)));
    assertEquals(List.of("start #4 b [Mid[n=3]]"), run.returned(3));
    assertEquals(List.of("start #5 b [Mid[n=4]]"), run.returned(2));
    assertEquals(List.of(), run.returned(4));
    assertEquals(List.of("start #6 b [Mid[n=9]]"), run.tick(new Tick.EventPosted(new Mid(9), -1)));
  }

  @Test
  void eventsAStepEmitsQueueBehindItsOwnEarlierInput() {
    LoopHarness run = new LoopHarness(step("loop", Mid.class).emits(Mid.class).workers(1), step("s", Start.class));
    run.start(new Start(1));
    run.tick(new Tick.EventPosted(new Mid(1), -1));
    run.tick(new Tick.EventPosted(new Mid(2), -1));

    assertEquals(List.of("start #3 loop [Mid[n=2]]"), run.returned(2, new Mid(10)));
    assertEquals(List.of("start #4 loop [Mid[n=10]]"), run.returned(3));
  }
}
