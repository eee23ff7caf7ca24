package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import io.stepwise.Event;
import io.stepwise.JsonDecodingException;
import io.stepwise.WorkflowJson;
import io.stepwise.WorkflowTimedOutEvent;
import io.stepwise.behaviour.CargoFlow.Progress;
import io.stepwise.behaviour.CargoFlow.Shipped;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated and truncated documents: the decoder only ever returns a whole event (which writes
 * again) or throws JsonDecodingException; never another exception, never a hang.
 */
class JsonFuzzTest {
  private static final int CASES = 10_000;
  private static final String[] FRAGMENTS = {
      "{", "}", "[", "]", ",", ":", "\"", "null", "true", "-", "1e999", "0.5", "\"@type\"",
      "\"io.stepwise.behaviour.CargoFlow.Progress\"", "\"io.stepwise.WorkflowCancelledEvent\"", "\\u0000",
      "99999999999999999999999999", "\"NaN\"", "[[[[[[[[", "{\"a\":", "\ud800", "\"x\"", " "};

  private final WorkflowJson json = CargoFlow_Workflow.of(new CargoFlow()).json().withLimits(64 * 1024, 64);

  @Test
  void mutatedDocumentsDecodeWhollyOrFailWithTheDocumentedException() {
    // Generous: the cases take well under a second; the bound only turns a hang into a failure.
    assertTimeoutPreemptively(Duration.ofMinutes(2), this::runCases);
  }

  private void runCases() {
    List<String> corpus = List.of(
        json.write(CargoSamples.full()),
        json.write(CargoSamples.empty()),
        json.write(new Shipped("s", new Progress("p"), CargoSamples.full().lines())),
        json.write(new WorkflowTimedOutEvent(Duration.ofSeconds(1), List.of("a", "b"))));
    var random = new Random(20260402L);
    int decoded = 0;
    int rejected = 0;
    for (int i = 0; i < CASES; i++) {
      String input = mutate(corpus.get(random.nextInt(corpus.size())), random);
      Event event;
      try {
        event = json.read(input);
      } catch (JsonDecodingException expected) {
        rejected++;
        continue;
      } catch (RuntimeException | Error e) {
        throw new AssertionError("case " + i + " threw " + e + " for input: " + input, e);
      }
      if (event == null) {
        fail("case " + i + " decoded to null: " + input);
      }
      json.write(event); // a decoded event is whole: it writes again
      decoded++;
    }
    assertEquals(CASES, decoded + rejected);
    // Both outcomes occur, so the corpus and mutations exercise the decoder rather than only its front door.
    assertEquals(true, decoded > 100, "decoded " + decoded);
    assertEquals(true, rejected > 100, "rejected " + rejected);
  }

  private static String mutate(String text, Random random) {
    var out = new StringBuilder(text);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && out.length() > 0; e++) {
      int at = random.nextInt(out.length());
      switch (random.nextInt(6)) {
        case 0 -> out.setLength(at); // truncate
        case 1 -> out.deleteCharAt(at);
        case 2 -> out.setCharAt(at, (char) (32 + random.nextInt(95)));
        case 3 -> out.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        case 4 -> {
          int end = Math.min(out.length(), at + 1 + random.nextInt(40));
          out.insert(at, out.substring(at, end)); // duplicate a slice
        }
        default -> {
          // Change a digit, which keeps the document well-formed but the values different.
          for (int k = at; k < out.length(); k++) {
            if (Character.isDigit(out.charAt(k))) {
              out.setCharAt(k, (char) ('0' + random.nextInt(10)));
              break;
            }
          }
        }
      }
    }
    return out.toString();
  }
}
