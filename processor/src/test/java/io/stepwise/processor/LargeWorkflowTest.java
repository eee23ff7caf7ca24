package io.stepwise.processor;

import static com.google.common.truth.Truth.assertThat;
import static io.stepwise.processor.Compilations.compile;
import static io.stepwise.processor.Compilations.errorMessages;

import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The graph rules scale with the size of the graph: a check that rescans every step for each
 * step and event turns a thousand steps into an hour of compiling.
 */
class LargeWorkflowTest {
  private static final int STEPS = 1_000;

  // A guard against super-linear checks, not a measurement: the linear checks take well under a
  // second here, the fixpoint over full scans they replaced took about an hour. The side loop
  // makes every path rule run to its end; its errors also keep the (size-limited) code from
  // being generated, so only the checks are exercised.
  @Test
  @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void thousandStepChainIsCheckedInOnePass() {
    var compilation = compile(List.of(JavaFileObjects.forSourceString("test.Chain", chainWithSideLoop())));

    assertThat(errorMessages(compilation)).containsExactly(
        "[Stepwise/DeadEnd] Step 'spin' has no path to a StopEvent: Chain.E500 -> spin -> Chain.Spin -> again -> Chain.Spin."
            + " Return a StopEvent from 'spin' or from a step its events reach, or add skipChecks = DEAD_END.",
        "[Stepwise/DeadEnd] Step 'again' has no path to a StopEvent: Chain.Spin -> again -> Chain.Spin."
            + " Return a StopEvent from 'again' or from a step its events reach, or add skipChecks = DEAD_END.").inOrder();
  }

  /**
   * E0 (start) → step1 → E1 … → step1000 → Done (stop), declared in order, plus a loop off
   * E500 that never ends: spin → Spin → again → Spin.
   */
  private static String chainWithSideLoop() {
    var java = new StringBuilder("""
        package test;

        import io.stepwise.*;
        import io.stepwise.annotations.*;

        @Workflow
        public class Chain {
          public record E0(int value) implements StartEvent {}
          public record Done(int value) implements StopEvent {}
          public record Spin() implements Event {}
        """);
    for (int i = 1; i < STEPS; i++) {
      java.append("  public record E").append(i).append("(int value) implements Event {}\n");
    }
    for (int i = 1; i <= STEPS; i++) {
      String out = i == STEPS ? "Done" : "E" + i;
      java.append("  @Step ").append(out).append(" step").append(i).append("(E").append(i - 1)
          .append(" e) { return new ").append(out).append("(e.value() + 1); }\n");
    }
    java.append("  @Step Spin spin(E500 e) { return new Spin(); }\n");
    java.append("  @Step Spin again(Spin e) { return new Spin(); }\n");
    return java.append("}\n").toString();
  }
}
