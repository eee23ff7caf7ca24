package io.stepwise.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** The untyped codec and the bounded factory as a codec of a user's would use them. */
class UntypedJsonTest {
  private static final JsonFactory FACTORY = BoundedJson.factory(io.stepwise.Snapshot.DEFAULT_LIMITS);

  @Test
  void jsonLikeValuesComeBackAsTheTypesTheyWere() {
    var attributes = new LinkedHashMap<String, Object>();
    attributes.put("count", 5L);
    attributes.put("ratio", 0.25f);
    attributes.put("price", new BigDecimal("1.10"));
    attributes.put("tags", List.of("a", 1, true));
    attributes.put("@odd", Map.of("x", 1));

    String json = write(attributes);

    assertEquals("{\"count\":{\"@long\":5},\"ratio\":{\"@float\":0.25},\"price\":{\"@bigdecimal\":1.10},"
        + "\"tags\":[\"a\",1,true],\"@odd\":{\"x\":1}}", json);
    assertEquals(attributes, read(json));
  }

  @Test
  void aMapWhoseFirstKeyLooksLikeATagIsWrapped() {
    String json = write(Map.of("@long", 5));

    assertEquals("{\"@map\":{\"@long\":5}}", json);
    assertEquals(Map.of("@long", 5), read(json));
  }

  @Test
  void refusalSaysWhatCannotBeWrittenAndWhy() {
    assertNull(UntypedJson.refusal("key", List.of(1, "two", Map.of("three", 3.0)), value -> false));

    UntypedJson.Refusal refusal = UntypedJson.refusal("key", Map.of("tags", Set.of("a")), value -> false);

    assertEquals("a map whose entry 'tags' of type " + Set.of("a").getClass().getName(), refusal.what());
    assertEquals("store only null, booleans, numbers, strings, lists and maps of those, or the workflow's own"
        + " event and state types", refusal.why());
  }

  private static String write(Object value) {
    var text = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), text)) {
      new JsonWriter(generator, 64).write(UntypedJson.INSTANCE, value);
    }
    return text.toString();
  }

  private static Object read(String json) {
    try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
      parser.nextToken();
      return new JsonReader(parser, "attributes").read(UntypedJson.INSTANCE);
    }
  }
}
