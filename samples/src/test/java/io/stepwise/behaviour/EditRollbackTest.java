package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.Context;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import org.junit.jupiter.api.Test;

/** An edit that throws leaves the state unchanged even when the processor cannot copy the type field by field. */
class EditRollbackTest {
  /** The final transient field keeps the generated field-by-field copy out: the JSON codec copies instead. */
  public static class Guarded {
    public int count;
    public String note = "";
    final transient Object guard = new Object();

    public Guarded() {}
  }

  record Go() implements StartEvent {}

  record Counted(int count, String note) implements StopEvent {}

  @Workflow
  static class GuardedFlow {
    @Step
    Counted count(Go ev, Context<Guarded> ctx) {
      ctx.editState(state -> state.count = 1);
      try {
        ctx.editState(state -> {
          state.count = 99;
          state.note = "half-done";
          throw new IllegalStateException("rejected");
        });
      } catch (IllegalStateException expected) {
        // the edit is undone
      }
      return new Counted(ctx.state().count, ctx.state().note);
    }
  }

  @Test
  void throwingEditOfAStateWithoutGeneratedCopyLeavesItUnchanged() {
    assertEquals(null, invokeCopy());
    assertEquals(new Counted(1, ""), EditRollbackTest_GuardedFlow_Workflow.of(new GuardedFlow()).run(new Go()).result());
  }

  private static Object invokeCopy() {
    return new EditRollbackTest_GuardedFlow_Workflow().copyState(new Guarded());
  }
}
