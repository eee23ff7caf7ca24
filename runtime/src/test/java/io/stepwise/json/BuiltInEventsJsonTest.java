package io.stepwise.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.EventsDropped;
import io.stepwise.JsonDecodingException;
import io.stepwise.ResultEvent;
import io.stepwise.WorkflowException;
import io.stepwise.WorkflowIdleEvent;
import io.stepwise.WorkflowJson;
import io.stepwise.WorkflowTimedOutEvent;
import io.stepwise.spi.CodecRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runtime's hand-written codecs, with a registry that holds only the built-in events. */
class BuiltInEventsJsonTest {
  private final WorkflowJson json = WorkflowJson.of(CodecRegistry.builder("bare").build());

  @Test
  void timedOutEventHasTheDocumentedWireFormat() {
    var event = new WorkflowTimedOutEvent(Duration.ofSeconds(45), List.of("a", "b"));

    String text = json.write(event);

    assertEquals("{\"@type\":\"io.stepwise.WorkflowTimedOutEvent\",\"timeout\":\"PT45S\",\"activeSteps\":[\"a\",\"b\"]}",
        text);
    assertEquals(event, json.read(text));
  }

  @Test
  void eventsDroppedMarkerHasTheDocumentedWireFormat() {
    var marker = new EventsDropped(4_294_967_296L);

    String text = json.write(marker);

    assertEquals("{\"@type\":\"io.stepwise.EventsDropped\",\"count\":4294967296}", text);
    assertEquals(marker, json.read(text));
  }

  @Test
  void idleEventHasNoFieldsAndIgnoresUnknownOnes() {
    String text = json.write(new WorkflowIdleEvent());

    assertEquals("{\"@type\":\"io.stepwise.WorkflowIdleEvent\"}", text);
    assertEquals(new WorkflowIdleEvent(), json.read(text));
    assertEquals(new WorkflowIdleEvent(), json.read("{\"@type\":\"io.stepwise.WorkflowIdleEvent\",\"since\":1}"));
  }

  @Test
  void eventsDroppedMarkerWithoutACountIsADecodingError() {
    var error = assertThrows(JsonDecodingException.class, () -> json.read("{\"@type\":\"io.stepwise.EventsDropped\"}"));

    assertEquals(true, error.getMessage().startsWith("Cannot decode JSON at EventsDropped: the type rejected the"
        + " decoded values: java.lang.IllegalArgumentException: an EventsDropped marker counts at least 1 event,"
        + " was 0"), error.getMessage());
  }

  @Test
  void resultValuesReadBackAsTheSmallestFittingNumberType() {
    var event = (ResultEvent) json.read(
        "{\"@type\":\"io.stepwise.ResultEvent\",\"result\":[1,4294967296,1e2,\"s\",null,{\"k\":true}]}");

    assertEquals(java.util.Arrays.asList(1, 4294967296L, 100.0, "s", null, Map.of("k", true)), event.result());
  }

  @Test
  void resultValueThatIsNotJsonLikeCannotBeWritten() {
    var error = assertThrows(WorkflowException.class, () -> json.write(new ResultEvent(new Object())));

    assertEquals("Cannot write a value of type java.lang.Object as untyped JSON. Use strings, numbers, booleans,"
        + " lists and maps, or a typed event.", error.getMessage());
  }

  @Test
  void compactConstructorRejectionIsADecodingError() {
    var error = assertThrows(JsonDecodingException.class,
        () -> json.read("{\"@type\":\"io.stepwise.MapStartEvent\",\"data\":{\"k\":null}}"));

    assertEquals(true, error.getMessage().startsWith(
        "Cannot decode JSON at MapStartEvent: the type rejected the decoded values: java.lang.NullPointerException"),
        error.getMessage());
  }

  @Test
  void limitsOutsideTheirRangeAreRefused() {
    var error = assertThrows(IllegalArgumentException.class, () -> json.withLimits(100, 5000));

    assertEquals("JSON limits must be at least 2 characters, a depth from 2 to 1000 and a number length of at least"
        + " 1, were 100 characters, depth 5000 and number length 1000.", error.getMessage());
  }
}
