package io.stepwise.samples.resources;

import io.stepwise.CompiledWorkflow;
import io.stepwise.samples.resources.NotesFlow.Filed;
import io.stepwise.samples.resources.NotesFlow.Note;
import java.io.PrintStream;

/** Files two notes with one workflow instance: the cached journal, and so the numbering, carries over. */
public final class NotesDemo {
  private NotesDemo() {}

  public static void run(PrintStream out) {
    CompiledWorkflow<Note, Filed> notes = NotesFlow_Workflow.of(new NotesFlow());
    out.println(notes.run(new Note("Ship the resources guide before the weekly review on Friday")).result());
    out.println(notes.run(new Note("Ask the team which providers should stay cached")).result());
  }
}
