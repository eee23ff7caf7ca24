package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.JsonDecodingException;
import io.stepwise.WorkflowException;
import io.stepwise.WorkflowJson;
import io.stepwise.behaviour.CargoFlow.Manifest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The processor's generated codecs keep every value exactly, or refuse it with a clear message:
 * lone surrogates, non-finite and extreme numbers, numbers too large for their type or the limit,
 * keys JSON cannot name, and properties named twice.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GeneratedCodecFidelityTest {
  private static final String MANIFEST = "{\"@type\":\"io.stepwise.behaviour.CargoFlow.Manifest\",";

  private final WorkflowJson json = CargoFlow_Workflow.of(new CargoFlow()).json();

  private static Manifest manifest(char letter, String text, float ratio, double weight, long big, BigInteger huge,
      BigDecimal amount, Map<String, Integer> counts) {
    Manifest empty = CargoSamples.empty();
    return new Manifest(empty.flag(), empty.tiny(), empty.small(), letter, empty.count(), big, ratio, weight,
        empty.boxed(), text, amount, huge, empty.id(), empty.at(), empty.took(), empty.day(), empty.local(),
        empty.offset(), empty.blob(), empty.ints(), empty.doubles(), empty.names(), empty.note(), empty.lines(),
        empty.priorities(), counts, empty.shape(), empty.priority(), empty.previous());
  }

  @Test
  void loneSurrogatesNonFiniteNumbersAndExtremesComeBackExactly() {
    var counts = new LinkedHashMap<String, Integer>();
    counts.put("\uD83D\uDE80 pair", 1);
    Manifest original = manifest('\uDC00', "lone \uD800 and \uDFFF\uD800 reversed", Float.NaN,
        Double.NEGATIVE_INFINITY, Long.MAX_VALUE, BigInteger.TEN.pow(998).negate(), new BigDecimal("-1.50E-400"),
        counts);

    String text = json.write(original);
    Manifest decoded = (Manifest) json.read(text);

    assertTrue(text.contains("\"letter\":\"\\uDC00\""), text);
    assertEquals('\uDC00', decoded.letter());
    assertEquals(original.text(), decoded.text());
    assertEquals(Float.NaN, decoded.ratio());
    assertEquals(Double.NEGATIVE_INFINITY, decoded.weight());
    assertEquals(Long.MAX_VALUE, decoded.big());
    assertEquals(original.huge(), decoded.huge());
    assertEquals(new BigDecimal("-1.50E-400"), decoded.amount());
    assertEquals(counts, decoded.counts());
  }

  @Test
  void floatFieldKeepsTheFloatItWasGiven() {
    for (float ratio : new float[] {0.1f, 1.0E-45f, Float.MAX_VALUE, 16777217f, -0.0f}) {
      Manifest decoded = (Manifest) json.read(json.write(manifest(' ', null, ratio, 0, 0, null, null, Map.of())));

      assertEquals(ratio, decoded.ratio());
    }
  }

  @Test
  void numberTooLargeForItsFieldIsRefusedNotMadeInfinite() {
    var weight = assertThrows(JsonDecodingException.class, () -> json.read(MANIFEST + "\"weight\":1e400}"));
    var ratio = assertThrows(JsonDecodingException.class, () -> json.read(MANIFEST + "\"ratio\":-1e39}"));

    assertEquals("Cannot decode JSON at Manifest.weight (line 1, column 62): number 1e400 is too large for a"
        + " double.", weight.getMessage());
    assertEquals("Cannot decode JSON at Manifest.ratio (line 1, column 61): number -1e39 is too large for a"
        + " float.", ratio.getMessage());
  }

  @Test
  void bigIntegerLongerThanAReaderAcceptsIsRefusedWhenWritten() {
    Manifest tooLong = manifest(' ', null, 0, 0, 0, BigInteger.TEN.pow(1000), null, Map.of());

    var error = assertThrows(WorkflowException.class, () -> json.write(tooLong));

    assertEquals("Cannot write a BigInteger of 1001 characters as JSON: the limit is 1000"
        + " (JsonLimits.maxNumberLength), so it could not be read back. Store it as a string, or split it.",
        error.getMessage());
  }

  @Test
  void mapKeyWithALoneSurrogateIsRefusedWhenWritten() {
    var counts = new LinkedHashMap<String, Integer>();
    counts.put("\uD800", 1);

    var error = assertThrows(WorkflowException.class,
        () -> json.write(manifest(' ', null, 0, 0, 0, null, null, counts)));

    assertEquals("Cannot write the property name or map key \"?\" as JSON: it has a lone UTF-16 surrogate at index 0,"
        + " which JSON readers refuse in a name. Use keys that are well-formed Unicode.", error.getMessage());
  }

  @Test
  void fieldNamedTwiceIsRefusedNotOverwritten() {
    var error = assertThrows(JsonDecodingException.class, () -> json.read(MANIFEST + "\"big\":1,\"big\":2}"));

    assertEquals("Cannot decode JSON: malformed JSON at line 1, column 66: Duplicate Object property \"big\"",
        error.getMessage());
  }
}
