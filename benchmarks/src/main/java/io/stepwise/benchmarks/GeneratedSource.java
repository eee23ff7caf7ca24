package io.stepwise.benchmarks;

/** Writes the source of a long chain workflow, for measuring what the processor costs at scale. */
final class GeneratedSource {
  static final String PACKAGE = "bench.generated";

  private GeneratedSource() {}

  /** The simple class name of the workflow with {@code steps} steps. */
  static String className(int steps) {
    return "Chain" + steps + "Flow";
  }

  /** A workflow of {@code steps} steps in a line: E0 (start) → E1 … → Done (stop). */
  static String chain(int steps) {
    StringBuilder java = new StringBuilder(steps * 160);
    java.append("package ").append(PACKAGE).append(";\n\n")
        .append("import io.stepwise.*;\n")
        .append("import io.stepwise.annotations.*;\n\n")
        .append("@Workflow\n")
        .append("public class ").append(className(steps)).append(" {\n")
        .append("  public record E0(int value) implements StartEvent {}\n");
    for (int i = 1; i < steps; i++) {
      java.append("  public record E").append(i).append("(int value) implements Event {}\n");
    }
    java.append("  public record Done(int value) implements StopEvent {}\n\n");
    for (int i = 1; i <= steps; i++) {
      String out = i == steps ? "Done" : "E" + i;
      java.append("  @Step ").append(out).append(" step").append(i)
          .append("(E").append(i - 1).append(" e) { return new ").append(out)
          .append("(e.value() + 1); }\n");
    }
    return java.append("}\n").toString();
  }
}
