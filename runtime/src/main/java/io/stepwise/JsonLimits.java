package io.stepwise;

/**
 * Bounds on a JSON text that Stepwise reads: its length, how deeply it nests, and how long one
 * number may be. They keep hostile input from exhausting memory, stack or CPU before it is decoded;
 * raise them for large texts from a store you trust ({@link Snapshot#fromJson(String, JsonLimits)},
 * {@link CompiledWorkflow#resume(String, io.stepwise.store.RunStore, RunOptions, JsonLimits)},
 * {@link WorkflowJson#withLimits(JsonLimits)}).
 *
 * @param maxChars the longest text, in characters (at least 2)
 * @param maxDepth how deeply objects and arrays may nest, from 2 to {@value #MAX_DEPTH}
 * @param maxNumberLength the most characters one number may have, at least 1; writers refuse a
 *     longer {@code BigInteger} or {@code BigDecimal}, so what they write reads back
 */
public record JsonLimits(int maxChars, int maxDepth, int maxNumberLength) {
  /** Highest nesting limit: decoding recurses once per level, so the stack bounds it. */
  public static final int MAX_DEPTH = 1000;
  /** Default limit on one number's length, in characters: far beyond any long or double. */
  public static final int DEFAULT_MAX_NUMBER_LENGTH = 1000;

  public JsonLimits {
    if (maxChars < 2 || maxDepth < 2 || maxDepth > MAX_DEPTH || maxNumberLength < 1) {
      throw new IllegalArgumentException("JSON limits must be at least 2 characters, a depth from 2 to " + MAX_DEPTH
          + " and a number length of at least 1, were " + maxChars + " characters, depth " + maxDepth
          + " and number length " + maxNumberLength + ".");
    }
  }

  /** These limits with another length limit. */
  public JsonLimits withMaxChars(int maxChars) {
    return new JsonLimits(maxChars, maxDepth, maxNumberLength);
  }

  /** These limits with another nesting limit. */
  public JsonLimits withMaxDepth(int maxDepth) {
    return new JsonLimits(maxChars, maxDepth, maxNumberLength);
  }

  /** These limits with another limit on one number's length. */
  public JsonLimits withMaxNumberLength(int maxNumberLength) {
    return new JsonLimits(maxChars, maxDepth, maxNumberLength);
  }
}
