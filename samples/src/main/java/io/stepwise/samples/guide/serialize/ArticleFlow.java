package io.stepwise.samples.guide.serialize;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Three steps that each note what they did in the run's state: the workflow whose context
 * {@link SerializeMain} writes to JSON after each step and restores into a fresh workflow
 * (the guide's section 2.2.d, {@code ctx.to_dict()} and {@code Context.from_dict}). Each step
 * sets its own field rather than appending: a step in flight when a snapshot is taken runs
 * again after a restore (at least once), and setting a field twice leaves the same state.
 */
@Workflow(name = "guide-serialize", timeout = "1m")
public class ArticleFlow {
  /** Starts a run about {@code topic}. */
  public record Begin(String topic) implements StartEvent {}

  /** The outline is done. */
  public record Outlined(String topic) implements Event {}

  /** The draft is done. */
  public record Drafted(String topic) implements Event {}

  /** The run's result: the article's title and what the state noted, in step order. */
  public record Published(String title, List<String> notes) implements StopEvent {}

  /** The state: one note per step, null until the step ran. */
  public static class Notes {
    public String outline;
    public String draft;

    public Notes() {}
  }

  // Counts the steps this object ran, so a restored run shows which steps it did not run again.
  private final AtomicInteger stepsRun = new AtomicInteger();

  @Step
  Outlined outline(Begin ev, Context<Notes> ctx) {
    stepsRun.incrementAndGet();
    ctx.editState(state -> state.outline = "outlined " + ev.topic());
    return new Outlined(ev.topic());
  }

  @Step
  Drafted draft(Outlined ev, Context<Notes> ctx) {
    stepsRun.incrementAndGet();
    ctx.editState(state -> state.draft = "drafted " + ev.topic());
    return new Drafted(ev.topic());
  }

  @Step
  Published publish(Drafted ev, Context<Notes> ctx) {
    stepsRun.incrementAndGet();
    Notes notes = ctx.state();
    return new Published("All about " + ev.topic(), List.of(notes.outline, notes.draft, "published " + ev.topic()));
  }

  /** How many steps this workflow object has run. */
  public int stepsRun() {
    return stepsRun.get();
  }
}
