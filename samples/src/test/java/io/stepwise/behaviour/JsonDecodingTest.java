package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.JsonDecodingException;
import io.stepwise.WorkflowJson;
import org.junit.jupiter.api.Test;

/** Decoding is closed-world: each kind of bad input is a JsonDecodingException that says what was wrong. */
class JsonDecodingTest {
  private static final String PROGRESS = "io.stepwise.behaviour.CargoFlow.Progress";
  private final WorkflowJson json = CargoFlow_Workflow.of(new CargoFlow()).json();

  private String rejection(String text) {
    return assertThrows(JsonDecodingException.class, () -> json.read(text)).getMessage();
  }

  @Test
  void unknownTypeTagIsRejected() {
    assertEquals("Cannot decode JSON at event.@type (line 1, column 10): unknown type tag 'java.lang.Runtime': expected"
        + " an event of workflow 'cargo', one of [io.stepwise.EventsDropped, io.stepwise.MapStartEvent, io.stepwise.ResultEvent,"
        + " io.stepwise.StepFailedEvent, io.stepwise.WorkflowCancelledEvent, io.stepwise.WorkflowFailedEvent,"
        + " io.stepwise.WorkflowIdleEvent, io.stepwise.WorkflowTimedOutEvent, io.stepwise.behaviour.CargoFlow.Manifest,"
        + " io.stepwise.behaviour.CargoFlow.Progress, io.stepwise.behaviour.CargoFlow.Shipped].",
        rejection("{\"@type\":\"java.lang.Runtime\"}"));
  }

  @Test
  void tagMustBeTheFirstField() {
    assertEquals("Cannot decode JSON at event.note (line 1, column 9): expected the type tag \"@type\" as the"
        + " first field of an event of workflow 'cargo'.",
        rejection("{\"note\":\"x\",\"@type\":\"" + PROGRESS + "\"}"));
  }

  @Test
  void malformedJsonNamesLineAndColumn() {
    String message = rejection("{\"@type\":\"" + PROGRESS + "\",\n\"note\": tru}");

    assertEquals(true, message.startsWith("Cannot decode JSON: malformed JSON at line 2, column "), message);
  }

  @Test
  void wrongTokenNamesTheFieldPath() {
    String text = "{\"@type\":\"io.stepwise.behaviour.CargoFlow.Manifest\",\"lines\":["
        + "{\"sku\":\"a\",\"qty\":1},{\"sku\":\"b\",\"qty\":\"two\"}]}";

    assertEquals("Cannot decode JSON at Manifest.lines[1].qty (line 1, column 99): expected an integer,"
        + " found a string.", rejection(text));
  }

  @Test
  void wrongTokenInAMapNamesTheKey() {
    String text = "{\"@type\":\"io.stepwise.behaviour.CargoFlow.Manifest\",\"counts\":{\"a\":1,\"b\":[]}}";

    assertEquals("Cannot decode JSON at Manifest.counts[\"b\"] (line 1, column 73): expected an integer,"
        + " found an array.", rejection(text));
  }

  @Test
  void badLibraryValuesAreRejected() {
    String prefix = "{\"@type\":\"io.stepwise.behaviour.CargoFlow.Manifest\",";
    assertEquals("Cannot decode JSON at Manifest.id (line 1, column 58): expected a UUID, found \"nope\".",
        rejection(prefix + "\"id\":\"nope\"}"));
    assertEquals("Cannot decode JSON at Manifest.priority (line 1, column 64): 'MEDIUM' is not a constant of"
        + " Priority.", rejection(prefix + "\"priority\":\"MEDIUM\"}"));
    assertEquals("Cannot decode JSON at Manifest.tiny (line 1, column 60): number 300 does not fit a byte.",
        rejection(prefix + "\"tiny\":300}"));
    assertEquals("Cannot decode JSON at Manifest.count (line 1, column 61): expected an integer, found null.",
        rejection(prefix + "\"count\":null}"));
  }

  @Test
  void emptyNullAndTrailingInputsAreRejected() {
    assertEquals("Cannot decode JSON: the document is empty. Pass a JSON document.", rejection("  "));
    assertEquals("Cannot decode JSON at event (line 1, column 1): expected an event, found null.", rejection("null"));
    assertEquals("Cannot decode JSON at Progress (line 1, column " + (PROGRESS.length() + 25)
        + "): unexpected content after the end of the value.",
        rejection("{\"@type\":\"" + PROGRESS + "\",\"note\":\"x\"} {}"));
    assertEquals("Cannot decode JSON at event (line 1, column 1): expected an object, found an array.",
        rejection("[]"));
  }

  @Test
  void truncatedDocumentIsRejected() {
    String message = rejection("{\"@type\":\"" + PROGRESS + "\",\"note\":\"x");

    assertEquals(true, message.startsWith("Cannot decode JSON: malformed JSON at line 1"), message);
  }

  @Test
  void oversizedDocumentIsRejected() {
    var small = json.withLimits(100, 10);
    String text = "{\"@type\":\"" + PROGRESS + "\",\"note\":\"" + "x".repeat(100) + "\"}";

    assertEquals("Cannot decode JSON: the document has 162 characters, more than the limit of 100. Send a"
        + " smaller document, or raise the limit.",
        assertThrows(JsonDecodingException.class, () -> small.read(text)).getMessage());
  }

  @Test
  void tooDeepNestingIsRejected() {
    var shallow = json.withLimits(10_000, 10);
    String text = "{\"@type\":\"" + PROGRESS + "\",\"extra\":" + "[".repeat(20) + "]".repeat(20) + "}";

    String message = assertThrows(JsonDecodingException.class, () -> shallow.read(text)).getMessage();

    assertEquals(true, message.startsWith("Cannot decode JSON: the document exceeds a limit: Document nesting depth"),
        message);
  }

  @Test
  void eventOfTheWrongInterfaceIsRejected() {
    String text = "{\"@type\":\"io.stepwise.behaviour.CargoFlow.Shipped\",\"cause\":"
        + "{\"@type\":\"io.stepwise.WorkflowCancelledEvent\"}}";

    assertEquals(new CargoFlow.Shipped(null, new io.stepwise.WorkflowCancelledEvent(), null), json.read(text));
  }
}
