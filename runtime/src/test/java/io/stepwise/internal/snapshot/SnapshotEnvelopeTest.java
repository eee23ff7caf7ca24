package io.stepwise.internal.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.Snapshot;
import io.stepwise.SnapshotException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The envelope's two later fields: whether the run had finished, and its time alive. */
class SnapshotEnvelopeTest {
  private static final String HEAD = "{\"format\":1,\"workflow\":\"w\",\"graph\":\"g\",\"runId\":\"r\",\"streamPosition\":3";

  @Test
  void readsFinishedAndElapsedAndStopsAtTheFirstFieldAfterThem() {
    // The content after the envelope is malformed on purpose: fromJson does not read that far.
    SnapshotEnvelope envelope = SnapshotEnvelope.read(HEAD + ",\"finished\":true,\"elapsed\":\"PT1.5S\",\"state\":[}",
        Snapshot.DEFAULT_LIMITS);
    assertEquals(new SnapshotEnvelope(1, "w", "g", "r", 3, true, Duration.ofMillis(1500)), envelope);
  }

  @Test
  void aSnapshotWrittenBeforeElapsedWasRecordedCountsAsZeroAndInFlight() {
    SnapshotEnvelope envelope = SnapshotEnvelope.read(HEAD + ",\"state\":null}", Snapshot.DEFAULT_LIMITS);
    assertEquals(new SnapshotEnvelope(1, "w", "g", "r", 3, false, Duration.ZERO), envelope);
  }

  @Test
  void aNegativeOrMalformedElapsedIsRefused() {
    for (String elapsed : new String[] {"\"-PT1S\"", "\"soon\"", "12"}) {
      var failure = assertThrows(SnapshotException.class,
          () -> SnapshotEnvelope.read(HEAD + ",\"elapsed\":" + elapsed + "}", Snapshot.DEFAULT_LIMITS));
      assertEquals(SnapshotException.Reason.MALFORMED, failure.reason());
      assertEquals(elapsed.startsWith("\"") ? "Cannot read snapshot: \"elapsed\" must be a non-negative ISO-8601"
          + " duration such as \"PT1.5S\". Pass the text Snapshot.toJson() wrote, unchanged."
          : "Cannot read snapshot: \"elapsed\" must be a string. Pass the text Snapshot.toJson() wrote, unchanged.",
          failure.getMessage());
    }
  }

  @Test
  void finishedMustBeABoolean() {
    var failure = assertThrows(SnapshotException.class,
        () -> SnapshotEnvelope.read(HEAD + ",\"finished\":1}", Snapshot.DEFAULT_LIMITS));
    assertEquals("Cannot read snapshot: \"finished\" must be true or false. Pass the text Snapshot.toJson() wrote,"
        + " unchanged.", failure.getMessage());
  }
}
