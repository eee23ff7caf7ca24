package io.stepwise.samples.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The resources sample: the cached journal numbers notes across the runs of one instance. */
class NotesDemoTest {
  @Test
  void secondNoteOfOneInstanceIsNumberTwo() {
    var out = new ByteArrayOutputStream();
    NotesDemo.run(new PrintStream(out, true, StandardCharsets.UTF_8));
    assertEquals("""
        Filed[number=1, headline=#1 Ship the resources, digest=Ship the resources guide before the weekly review]
        Filed[number=2, headline=#2 Ask the team, digest=Ask the team which providers should stay cached]
        """, out.toString(StandardCharsets.UTF_8));
  }
}
