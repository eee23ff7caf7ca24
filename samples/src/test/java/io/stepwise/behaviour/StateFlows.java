package io.stepwise.behaviour;

import io.stepwise.Context;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/** Workflows that use the run's state and store. */
final class StateFlows {
  private StateFlows() {}

  /** A mutable state class with fields the generated code can copy. */
  static class Memo {
    public int runs;

    public Memo() {}
  }

  /** An immutable state; a record needs its own no-arg constructor. */
  record Score(int points) {
    Score() {
      this(0);
    }
  }

  record Go() implements StartEvent {}

  record Seen(int runs, int seen, String rejected) implements StopEvent {}

  /** Counts runs in the state and in the store, and tries to store something that is not JSON. */
  @Workflow
  static class MemoFlow {
    @Step
    Seen count(Go ev, Context<Memo> ctx) {
      ctx.editState(memo -> memo.runs++);
      int seen = ctx.store().get("seen", 0) + 1;
      ctx.store().put("seen", seen);
      String rejected;
      try {
        ctx.store().put("buffer", new StringBuilder("x"));
        rejected = "accepted";
      } catch (IllegalArgumentException e) {
        rejected = e.getMessage();
      }
      return new Seen(ctx.state().runs, seen, rejected);
    }
  }

  record Points(int points, int afterFailedUpdate) implements StopEvent {}

  /** Replaces an immutable state; an update that throws leaves it unchanged. */
  @Workflow
  static class ScoreFlow {
    @Step
    Points score(Go ev, Context<Score> ctx) {
      ctx.updateState(score -> new Score(score.points() + 5));
      int before = ctx.state().points();
      try {
        ctx.updateState(score -> {
          throw new IllegalStateException("no");
        });
      } catch (IllegalStateException expected) {
        // the state stays as it was
      }
      return new Points(before, ctx.state().points());
    }
  }

  record NoState(String message) implements StopEvent {}

  /** Names no state type, then asks for the state. */
  @Workflow
  static class StatelessFlow {
    @Step
    NoState look(Go ev, Context<?> ctx) {
      try {
        return new NoState(String.valueOf(ctx.state()));
      } catch (IllegalStateException e) {
        return new NoState(e.getMessage());
      }
    }
  }
}
