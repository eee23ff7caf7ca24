package io.stepwise.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model's own JSON: escapes as Jackson writes them, and reads back what it writes. */
class JsonTextTest {
  @Test
  void stringsAreEscapedAsJacksonEscapesThem() {
    assertEquals("\"a\\\"b\\\\c\\n\\t\\r\\b\\f\\u0001\\u001F é ✓\"",
        JsonText.string("a\"b\\c\n\t\r\b\f\u0001\u001f é ✓"));
  }

  @Test
  void whatIsWrittenReadsBack() {
    String text = "a\"b\\c\n\u0001 é \uD83D\uDE00";
    assertEquals(text, JsonText.parse(JsonText.string(text)));
    assertEquals(List.of("x", "y"), JsonText.parse(JsonText.strings(List.of("x", "y"))));
  }

  @Test
  void valuesReadAsMapsListsStringsNumbersAndBooleans() {
    var expected = new LinkedHashMap<String, Object>();
    expected.put("n", 42L);
    expected.put("d", 2.5);
    expected.put("ok", true);
    expected.put("none", null);
    expected.put("list", Arrays.asList("\u00e9", -1L, 1.0E10, false));
    assertEquals(expected,
        JsonText.parse(" {\"n\": 42, \"d\": 2.5, \"ok\": true, \"none\": null, \"list\": [\"\\u00e9\", -1, 1e10, false]} "));
  }

  @Test
  void malformedTextIsRefusedSayingWhere() {
    assertEquals("expected ':' at offset 5", assertThrows(JsonText.Malformed.class, () -> JsonText.parse("{\"a\" 1}")).getMessage());
    assertEquals("unterminated string at offset 3", assertThrows(JsonText.Malformed.class, () -> JsonText.parse("\"ab")).getMessage());
    assertEquals("content after the end of the value at offset 3",
        assertThrows(JsonText.Malformed.class, () -> JsonText.parse("[] x")).getMessage());
    assertEquals("bad escape '\\q' at offset 3", assertThrows(JsonText.Malformed.class, () -> JsonText.parse("\"\\q\"")).getMessage());
  }
}
