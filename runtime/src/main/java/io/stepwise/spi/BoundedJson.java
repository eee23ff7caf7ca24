package io.stepwise.spi;

import io.stepwise.JsonLimits;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonFactoryBuilder;

/**
 * The JSON factory for events, snapshots and config files, public for codecs and run stores that
 * parse such JSON themselves. Reading, it refuses a document, a string, a number or
 * a nesting beyond the caller's limits, so hostile input is bounded before it is decoded, and an
 * object that names a property twice, so no field is silently overwritten or appended twice.
 * Writing, it escapes UTF-16 surrogates, so every string survives any store's UTF-8.
 */
public final class BoundedJson {
  private BoundedJson() {}

  /** A factory reading within {@code limits}. */
  public static JsonFactory factory(JsonLimits limits) {
    return builder(limits).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  }

  private static JsonFactoryBuilder builder(JsonLimits limits) {
    return JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxDocumentLength(limits.maxChars())
            .maxNestingDepth(limits.maxDepth())
            .maxStringLength(limits.maxChars())
            .maxNameLength(limits.maxChars())
            .maxNumberLength(limits.maxNumberLength())
            .build())
        .characterEscapes(SurrogateEscapes.INSTANCE);
  }
}
