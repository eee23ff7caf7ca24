package io.stepwise.internal.json;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON factory for texts from outside (events, snapshots): it refuses a document, a string
 * or a nesting deeper than the caller's limits, so hostile input is bounded before it is decoded.
 */
public final class BoundedJson {
  /** Digits in one number: far beyond any long, BigDecimal or double a codec writes. */
  private static final int MAX_NUMBER_LENGTH = 1000;

  private BoundedJson() {}

  /** A factory reading at most {@code maxChars} characters nested at most {@code maxDepth} deep. */
  public static JsonFactory factory(int maxChars, int maxDepth) {
    return JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxDocumentLength(maxChars)
            .maxNestingDepth(maxDepth)
            .maxStringLength(maxChars)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .build())
        .build();
  }
}
