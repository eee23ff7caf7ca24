package io.stepwise.samples.guide.serialize;

import io.stepwise.RunOptions;
import io.stepwise.Snapshot;
import io.stepwise.samples.guide.serialize.ArticleFlow.Begin;
import io.stepwise.samples.guide.serialize.ArticleFlow.Published;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The guide's "serializing the context" (section 2.2.d): Python's {@code ctx.to_dict()} is a
 * {@link Snapshot} written with {@code toJson()}, here one after each step (a checkpoint);
 * {@code Context.from_dict(w, ctx_dict)} is {@code Snapshot.fromJson} and {@code resume} on a
 * fresh workflow. The restored run goes on from where the snapshot was taken, with its state.
 */
public final class SerializeMain {
  private SerializeMain() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs {@link ArticleFlow} once, keeping each checkpoint as JSON, then restores the first one. */
  public static void run(PrintStream out) {
    List<String> saved = new CopyOnWriteArrayList<>();
    Published first = ArticleFlow_Workflow.of(new ArticleFlow())
        .run(new Begin("tea"), RunOptions.defaults().withCheckpoints(snapshot -> saved.add(snapshot.toJson())))
        .result();
    out.println("run: " + first);
    out.println(saved.size() + " checkpoints saved as JSON; the first, taken after 'outline':");
    out.println(saved.getFirst());

    // As Context.from_dict would: only the JSON text and a new workflow object.
    ArticleFlow fresh = new ArticleFlow();
    Published restored = ArticleFlow_Workflow.of(fresh).resume(Snapshot.fromJson(saved.getFirst())).result();
    out.println("restored from it: " + restored);
    out.println("steps the restored workflow ran: " + fresh.stepsRun() + " ('outline' was in the snapshot already)");
  }
}
