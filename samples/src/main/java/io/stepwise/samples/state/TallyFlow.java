package io.stepwise.samples.state;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Ten editors change one counter at once: each adds one, and undoes its edit (by throwing) when
 * the count would become even. Edits are serialized and a throwing edit changes nothing, so the
 * count ends at exactly 1. A collector waits for every editor with {@code collectEvents}.
 */
@Workflow(name = "tally")
public class TallyFlow {
  public record Begin(int editors) implements StartEvent {}

  public record Edit(int editor) implements Event {}

  public record Edited(int editor, boolean kept) implements Event {}

  public record Result(int count, int kept, int edits) implements StopEvent {}

  @Step
  List<Edit> begin(Begin ev, Context<Tally> ctx) {
    ctx.store().put("editors", ev.editors());
    List<Edit> edits = new ArrayList<>();
    for (int i = 0; i < ev.editors(); i++) {
      edits.add(new Edit(i));
    }
    return edits;
  }

  @Step(workers = 10)
  Edited edit(Edit ev, Context<Tally> ctx) {
    try {
      ctx.editState(tally -> {
        tally.count++;
        tally.edits++;
        if (tally.count % 2 == 0) {
          throw new IllegalStateException("even: undo");
        }
      });
      return new Edited(ev.editor(), true);
    } catch (IllegalStateException undone) {
      return new Edited(ev.editor(), false);
    }
  }

  @Step(workers = 10)
  Optional<Result> collect(Edited ev, Context<Tally> ctx) {
    int editors = ctx.store().get("editors", 0);
    return ctx.collectEvents(ev, Collections.nCopies(editors, Edited.class)).map(all -> {
      int kept = (int) all.stream().filter(e -> ((Edited) e).kept()).count();
      Tally tally = ctx.state();
      return new Result(tally.count, kept, tally.edits);
    });
  }

  /** Runs the sample: prints {@code Result[count=1, kept=1, edits=1]}. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the sample on {@code out}. */
  public static void run(PrintStream out) {
    out.println(TallyFlow_Workflow.of(new TallyFlow()).run(new Begin(10)).result());
  }
}
