package io.stepwise.run;

import static io.stepwise.fixture.Steps.step;

import io.stepwise.Event;
import io.stepwise.EventsDropped;
import io.stepwise.fixture.Events.Done;
import io.stepwise.fixture.Events.Progress;
import io.stepwise.fixture.Events.Start;
import io.stepwise.fixture.ScriptedWorkflow;
import io.stepwise.WorkflowHandler;
import java.util.List;

/**
 * The child JVM of {@link BoundedStreamTest}, started with a small heap: a run writes a million
 * events that nobody reads until its result is in, which an unbounded stream could not hold. It
 * prints the result, then what the stream kept.
 */
public final class UnreadStreamProcess {
  static final String RESULT = "result";
  static final String STREAM = "stream";
  private static final int EVENTS = 1_000_000;

  private UnreadStreamProcess() {}

  public static void main(String[] args) {
    var flow = ScriptedWorkflow.named("Flood", Start.class, Done.class)
        .step(step("flood", Start.class).emits(Done.class), (ev, ctx) -> {
          for (int i = 0; i < EVENTS; i++) {
            ctx.writeEventToStream(new Progress("event number " + i + " of a run nobody watches"));
          }
          return new Done("wrote " + EVENTS);
        })
        .compile();

    WorkflowHandler<Done> handler = flow.run(new Start(0)); // the default buffer
    System.out.println(RESULT + " " + handler.result());

    List<Event> kept = handler.events().toList();
    long progress = kept.stream().filter(Progress.class::isInstance).count();
    List<Event> others = kept.stream().filter(event -> !(event instanceof Progress)).toList();
    boolean newestKept = kept.get(kept.size() - 2)
        .equals(new Progress("event number " + (EVENTS - 1) + " of a run nobody watches"));
    System.out.println(STREAM + " " + others.get(0) + ", " + progress + " kept, " + others.get(1)
        + (others.size() == 2 && others.get(0) instanceof EventsDropped && newestKept ? "" : " (unexpected: " + kept.size() + " events)"));
  }
}
