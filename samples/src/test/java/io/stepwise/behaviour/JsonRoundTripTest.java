package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.stepwise.Event;
import io.stepwise.MapStartEvent;
import io.stepwise.RestoredException;
import io.stepwise.ResultEvent;
import io.stepwise.StepFailedEvent;
import io.stepwise.WorkflowCancelledEvent;
import io.stepwise.WorkflowFailedEvent;
import io.stepwise.WorkflowJson;
import io.stepwise.WorkflowTimedOutEvent;
import io.stepwise.behaviour.CargoFlow.Circle;
import io.stepwise.behaviour.CargoFlow.Manifest;
import io.stepwise.behaviour.CargoFlow.Progress;
import io.stepwise.behaviour.CargoFlow.Shipped;
import io.stepwise.behaviour.CargoFlow.Square;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Generated codecs write every supported type and read back an equal value. */
class JsonRoundTripTest {
  private final WorkflowJson json = CargoFlow_Workflow.of(new CargoFlow()).json();

  @Test
  void streamedEventHasTheDocumentedWireFormat() {
    String text = json.write(new Progress("hi ✓"));

    assertEquals("{\"@type\":\"io.stepwise.behaviour.CargoFlow.Progress\",\"note\":\"hi ✓\"}", text);
    assertEquals(new Progress("hi ✓"), json.read(text));
  }

  @Test
  void everySupportedTypeRoundTripsWithExtremeAndUnicodeValues() {
    Manifest original = CargoSamples.full();

    Manifest decoded = (Manifest) json.read(json.write(original));

    assertSameManifest(original, decoded);
    assertSameManifest(original.previous(), decoded.previous());
    assertEquals(json.write(original), json.write(decoded));
  }

  @Test
  void nullsAndEmptyCollectionsRoundTrip() {
    Manifest decoded = (Manifest) json.read(json.write(CargoSamples.empty()));

    assertSameManifest(CargoSamples.empty(), decoded);
    assertNull(decoded.text());
    assertEquals(Optional.empty(), decoded.note());
    assertEquals(List.of(), decoded.lines());
  }

  @Test
  void sealedFieldIsWrittenWithItsTypeTag() {
    String text = json.write(CargoSamples.full());

    assertEquals(true, text.contains(
        "\"shape\":{\"@type\":\"io.stepwise.behaviour.CargoFlow.Square\",\"side\":3,\"label\":\"crate\"}"), text);
    assertEquals(CargoSamples.square(3, "crate"), ((Manifest) json.read(text)).shape());
  }

  @Test
  void eventInterfaceFieldRoundTripsWithItsTag() {
    var shipped = new Shipped("s-1", new Progress("inner"), List.of());

    String text = json.write(shipped);

    assertEquals("{\"@type\":\"io.stepwise.behaviour.CargoFlow.Shipped\",\"id\":\"s-1\",\"cause\":"
        + "{\"@type\":\"io.stepwise.behaviour.CargoFlow.Progress\",\"note\":\"inner\"},\"lines\":[]}", text);
    assertEquals(shipped, json.read(text));
  }

  @Test
  void unknownFieldsAreSkipped() {
    Event decoded = json.read("{\"@type\":\"io.stepwise.behaviour.CargoFlow.Progress\","
        + "\"extra\":{\"deep\":[1,{\"x\":null}]},\"note\":\"kept\",\"later\":[true]}");

    assertEquals(new Progress("kept"), decoded);
  }

  @Test
  void missingFieldsTakeTheTypesDefault() {
    Manifest decoded = (Manifest) json.read("{\"@type\":\"io.stepwise.behaviour.CargoFlow.Manifest\","
        + "\"shape\":{\"@type\":\"io.stepwise.behaviour.CargoFlow.Square\",\"side\":4}}");

    assertEquals(0, decoded.count());
    assertEquals(false, decoded.flag());
    assertEquals('\0', decoded.letter());
    assertNull(decoded.text());
    assertNull(decoded.lines());
    assertEquals(Optional.empty(), decoded.note());
    // A class keeps what its no-arg constructor set.
    assertEquals(CargoSamples.square(4, "square"), decoded.shape());
    assertEquals("not written", ((Square) decoded.shape()).cache);
  }

  @Test
  void builtInEventsRoundTrip() {
    var failed = new StepFailedEvent("ship", new Progress("p"), new IllegalStateException("boom"), 3,
        Duration.ofMillis(1500));

    var decoded = (StepFailedEvent) json.read(json.write(failed));

    assertEquals("ship", decoded.step());
    assertEquals(new Progress("p"), decoded.input());
    var error = assertInstanceOf(RestoredException.class, decoded.error());
    assertEquals("java.lang.IllegalStateException", error.originalType());
    assertEquals("boom", error.getMessage());
    assertEquals(3, decoded.attempts());
    assertEquals(Duration.ofMillis(1500), decoded.elapsed());

    for (Event event : List.of(new WorkflowFailedEvent("ship", "java.io.IOException", "disk"),
        new WorkflowTimedOutEvent(Duration.ofSeconds(45), List.of("ship")), new WorkflowCancelledEvent(),
        new MapStartEvent(Map.of("n", 1, "tags", List.of("a", "b"), "nested", Map.of("big", BigInteger.TEN.pow(30)))),
        new ResultEvent(List.of(1L << 40, 2.5, "x", false)))) {
      assertEquals(event, json.read(json.write(event)));
    }
  }

  @Test
  void decodedCircleIsARecordWithTheSameValue() {
    var manifest = (Manifest) json.read(json.write(CargoSamples.empty()));

    assertEquals(new Circle(0.5), manifest.shape());
  }

  private static void assertSameManifest(Manifest expected, Manifest actual) {
    assertEquals(expected.flag(), actual.flag());
    assertEquals(expected.tiny(), actual.tiny());
    assertEquals(expected.small(), actual.small());
    assertEquals(expected.letter(), actual.letter());
    assertEquals(expected.count(), actual.count());
    assertEquals(expected.big(), actual.big());
    assertEquals(expected.ratio(), actual.ratio());
    assertEquals(expected.weight(), actual.weight());
    assertEquals(expected.boxed(), actual.boxed());
    assertEquals(expected.text(), actual.text());
    assertEquals(expected.amount(), actual.amount());
    assertEquals(expected.huge(), actual.huge());
    assertEquals(expected.id(), actual.id());
    assertEquals(expected.at(), actual.at());
    assertEquals(expected.took(), actual.took());
    assertEquals(expected.day(), actual.day());
    assertEquals(expected.local(), actual.local());
    assertEquals(expected.offset(), actual.offset());
    assertArrayEquals(expected.blob(), actual.blob());
    assertArrayEquals(expected.ints(), actual.ints());
    assertArrayEquals(expected.doubles(), actual.doubles());
    assertArrayEquals(expected.names(), actual.names());
    assertEquals(expected.note(), actual.note());
    assertEquals(expected.lines(), actual.lines());
    assertEquals(expected.priorities(), actual.priorities());
    assertEquals(expected.counts(), actual.counts());
    assertEquals(expected.shape(), actual.shape());
    assertEquals(expected.priority(), actual.priority());
  }
}
