package io.stepwise.samples.guide.fanout;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The guide's fan in / fan out (section 3.3): the first step keeps the number of items in the
 * store and sends one event per item; workers process them in parallel; the last step collects
 * as many results as the store says, then finishes.
 */
@Workflow(timeout = "10s")
public class FanInFanOutFlow {
  /** Starts a run over the items. */
  public record Begin(List<String> items) implements StartEvent {}

  /** One item to process. */
  public record ProcessEvent(String item) implements Event {}

  /** One processed item. */
  public record ResultEvent(String item, int length) implements Event {}

  /** Written to the stream as items are processed. */
  public record Processed(String item) implements Event {}

  /**
   * The run's result.
   *
   * @param collected how many results were collected
   * @param totalLength the sum of the items' lengths, the "finalized" value
   */
  public record Done(int collected, int totalLength) implements StopEvent {}

  @Step
  void initRun(Begin ev, Context<?> ctx) {
    ctx.store().put("num_to_collect", ev.items().size());
    for (String item : ev.items()) {
      ctx.sendEvent(new ProcessEvent(item));
    }
  }

  @Step(workers = 8)
  ResultEvent process(ProcessEvent ev, Context<?> ctx) {
    ctx.writeEventToStream(new Processed(ev.item()));
    return new ResultEvent(ev.item(), ev.item().length());
  }

  @Step
  Optional<Done> finalizeResults(ResultEvent ev, Context<?> ctx) {
    int numToCollect = ((Number) ctx.store().get("num_to_collect")).intValue();
    return ctx.collectEvents(ev, Collections.nCopies(numToCollect, ResultEvent.class))
        .map(events -> new Done(events.size(), events.stream().mapToInt(e -> ((ResultEvent) e).length()).sum()));
  }
}
