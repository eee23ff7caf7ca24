package io.stepwise.samples.guide.resources;

import io.stepwise.samples.guide.resources.MemoryFlow.Begin;
import io.stepwise.samples.guide.resources.MemoryFlow.Stored;
import java.io.PrintStream;

/** Runs {@link MemoryFlow}: prints the result and both messages, stored in the one shared memory. */
public final class MemoryMain {
  private MemoryMain() {}

  public static void main(String[] args) {
    run(System.out);
  }

  public static void run(PrintStream out) {
    Stored stored = MemoryFlow_Workflow.of(new MemoryFlow()).run(new Begin()).result();
    out.println(stored.result());
    stored.messages().forEach(out::println);
  }
}
