package io.stepwise.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.Event;
import io.stepwise.JsonDecodingException;
import io.stepwise.MapStartEvent;
import io.stepwise.ResultEvent;
import io.stepwise.WorkflowException;
import io.stepwise.WorkflowJson;
import io.stepwise.spi.CodecRegistry;
import io.stepwise.spi.JsonCodecs;
import io.stepwise.spi.JsonReader;
import io.stepwise.spi.JsonWriter;
import io.stepwise.spi.ObjectCodec;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Event fields through {@link WorkflowJson}, with a codec written as the processor generates them:
 * every value comes back exactly, or is refused where it is written or read with a clear message.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EventJsonFidelityTest {
  /** What generated code writes for a record with these fields. */
  record Measure(double value, float ratio, long count, char letter, String text, BigInteger big) implements Event {}

  private static final ObjectCodec<Measure> MEASURE = new ObjectCodec<>() {
    @Override
    public void writeFields(JsonWriter out, Measure value) {
      out.name("value");
      out.value(value.value());
      out.name("ratio");
      out.value(value.ratio());
      out.name("count");
      out.value(value.count());
      out.name("letter");
      out.value(value.letter());
      out.name("text");
      out.write(JsonCodecs.STRING, value.text());
      out.name("big");
      out.write(JsonCodecs.BIG_INTEGER, value.big());
    }

    @Override
    public Measure readFields(JsonReader in) {
      double value = 0;
      float ratio = 0;
      long count = 0;
      char letter = 0;
      String text = null;
      BigInteger big = null;
      for (String field; (field = in.nextField()) != null; ) {
        switch (field) {
          case "value" -> value = in.readDouble();
          case "ratio" -> ratio = in.readFloat();
          case "count" -> count = in.readLong();
          case "letter" -> letter = in.readChar();
          case "text" -> text = in.read(JsonCodecs.STRING);
          case "big" -> big = in.read(JsonCodecs.BIG_INTEGER);
          default -> in.skipValue();
        }
      }
      return new Measure(value, ratio, count, letter, text, big);
    }
  };

  private static final String TAG = Measure.class.getCanonicalName();
  private final WorkflowJson json = WorkflowJson.of(
      CodecRegistry.builder("measures").event(Measure.class, TAG, MEASURE).build());

  @Test
  void mapKeyWithALoneSurrogateIsRefusedWhenWritten() {
    var error = assertThrows(WorkflowException.class,
        () -> json.write(new MapStartEvent(Map.of("ok", 1, "x\uDBFF", 2))));

    assertEquals("Cannot write the property name or map key \"x?\" as JSON: it has a lone UTF-16 surrogate at"
        + " index 1, which JSON readers refuse in a name. Use keys that are well-formed Unicode.", error.getMessage());
  }


  @Test
  void scriptEventRefusesASetWhichWouldReadBackAsAList() {
    var error = assertThrows(WorkflowException.class, () -> json.write(new ResultEvent(List.of(Set.of(1)))));

    assertEquals(true, error.getMessage().startsWith("Cannot write a value of type java.util.ImmutableCollections$Set"),
        error.getMessage());
    assertEquals(true, error.getMessage().endsWith(" as untyped JSON. Use strings, numbers, booleans, lists and maps,"
        + " or a typed event."), error.getMessage());
  }

  @Test
  void mapKeyWithARawLoneSurrogateIsRefusedWhenRead() {
    var error = assertThrows(JsonDecodingException.class,
        () -> json.read("{\"@type\":\"io.stepwise.MapStartEvent\",\"data\":{\"ok\":1,\"x\uD800\":2}}"));

    assertEquals("Cannot decode JSON at MapStartEvent.data[\"x?\"] (line 1, column 58): the key has a lone"
        + " UTF-16 surrogate at index 1.", error.getMessage().replace('\uD800', '?'));
  }

  @Test
  void typedFieldsRoundTripNonFiniteDoublesLoneSurrogatesAndExtremeLongs() {
    var measure = new Measure(Double.NaN, Float.NEGATIVE_INFINITY, Long.MIN_VALUE, '\uD800', "x\uDFFFy",
        BigInteger.TEN.pow(998));

    String text = json.write(measure);

    assertEquals(true, text.contains("\"letter\":\"\\uD800\",\"text\":\"x\\uDFFFy\""), text);
    assertEquals(measure, json.read(text));
  }

  @Test
  void floatFieldReadsBackTheFloatThatWasWritten() {
    var measure = new Measure(0.1, 0.1f, 0, 'a', null, null);

    var decoded = (Measure) json.read(json.write(measure));

    assertEquals(0.1f, decoded.ratio());
    assertEquals(measure, decoded);
  }

  @Test
  void numberTooLargeForADoubleIsRefusedNotMadeInfinite() {
    var error = assertThrows(JsonDecodingException.class,
        () -> json.read("{\"@type\":\"" + TAG + "\",\"value\":1e400}"));

    assertEquals("Cannot decode JSON at Measure.value (line 1, column 67): number 1e400 is too"
        + " large for a double.", error.getMessage());
  }

  @Test
  void numberTooLargeForAFloatIsRefusedNotMadeInfinite() {
    var error = assertThrows(JsonDecodingException.class,
        () -> json.read("{\"@type\":\"" + TAG + "\",\"ratio\":3.5e38}"));

    assertEquals(true, error.getMessage().endsWith(": number 3.5e38 is too large for a float."), error.getMessage());
  }

  @Test
  void untypedFractionTooLargeForADoubleIsRefused() {
    var error = assertThrows(JsonDecodingException.class,
        () -> json.read("{\"@type\":\"io.stepwise.ResultEvent\",\"result\":[1,-1e400]}"));

    assertEquals("Cannot decode JSON at ResultEvent.result[1] (line 1, column 48): number -1e400 is too large"
        + " for a double.", error.getMessage());
  }

  @Test
  void bigIntegerLongerThanTheLimitIsRefusedWhenWrittenNotWhenRead() {
    var measure = new Measure(0, 0, 0, 'a', null, BigInteger.TEN.pow(1500));

    var error = assertThrows(WorkflowException.class, () -> json.write(measure));

    assertEquals("Cannot write a BigInteger of 1501 characters as JSON: the limit is 1000"
        + " (JsonLimits.maxNumberLength), so it could not be read back. Store it as a string, or split it.",
        error.getMessage());
  }

  @Test
  void raisingTheNumberLimitWritesAndReadsLongerNumbers() {
    WorkflowJson wide = json.withLimits(WorkflowJson.DEFAULT_LIMITS.withMaxNumberLength(2000));
    var measure = new Measure(0, 0, 0, 'a', null, BigInteger.TEN.pow(1500));

    String text = wide.write(measure);

    assertEquals(measure, wide.read(text));
    var refused = assertThrows(JsonDecodingException.class, () -> json.read(text));
    assertEquals(true, refused.getMessage().startsWith("Cannot decode JSON: the document exceeds a limit: Number value"
        + " length (1501) exceeds the maximum allowed (1000"), refused.getMessage());
  }

  @Test
  void eventNamingAFieldTwiceIsRefused() {
    var error = assertThrows(JsonDecodingException.class,
        () -> json.read("{\"@type\":\"" + TAG + "\",\"count\":1,\"count\":2}"));

    assertEquals("Cannot decode JSON: malformed JSON at line 1, column 76: Duplicate Object property \"count\"",
        error.getMessage());
  }
}
