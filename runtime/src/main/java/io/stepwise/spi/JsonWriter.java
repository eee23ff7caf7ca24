package io.stepwise.spi;

import io.stepwise.JsonLimits;
import io.stepwise.WorkflowException;
import java.math.BigDecimal;
import java.math.BigInteger;
import tools.jackson.core.JsonGenerator;

/**
 * The JSON output generated codecs write to: Jackson's generator plus a nesting guard, so a
 * cyclic object graph fails with a clear error instead of overflowing the stack, and a length
 * guard on big numbers, so nothing is written that a reader with the same limits would refuse.
 */
public final class JsonWriter {
  private final JsonGenerator generator;
  private final int maxDepth;
  private final int maxNumberLength;
  private int depth;

  /** A writer whose numbers have at most {@link JsonLimits#DEFAULT_MAX_NUMBER_LENGTH} characters. */
  public JsonWriter(JsonGenerator generator, int maxDepth) {
    this(generator, maxDepth, JsonLimits.DEFAULT_MAX_NUMBER_LENGTH);
  }

  public JsonWriter(JsonGenerator generator, int maxDepth, int maxNumberLength) {
    this.generator = generator;
    this.maxDepth = maxDepth;
    this.maxNumberLength = maxNumberLength;
  }

  /** The underlying generator, for codecs that write something these methods do not cover. */
  public JsonGenerator generator() {
    return generator;
  }

  public void beginObject() {
    enter();
    generator.writeStartObject();
  }

  public void endObject() {
    depth--;
    generator.writeEndObject();
  }

  public void beginArray() {
    enter();
    generator.writeStartArray();
  }

  public void endArray() {
    depth--;
    generator.writeEndArray();
  }

  private void enter() {
    if (++depth > maxDepth) {
      throw new WorkflowException("Cannot write JSON nested deeper than " + maxDepth
          + " levels; the value is probably cyclic. Break the cycle, or mark the back reference transient.");
    }
  }

  /**
   * Writes a property name; the property's value follows.
   *
   * @throws WorkflowException when the name has a lone UTF-16 surrogate, which JSON readers refuse
   *     in a property name (in a string value it is escaped and reads back)
   */
  public void name(String name) {
    int lone = Utf16.loneSurrogateAt(name);
    if (lone >= 0) {
      throw new WorkflowException("Cannot write the property name or map key \"" + name.replaceAll("\\p{Cs}", "?")
          + "\" as JSON: it has a lone UTF-16 surrogate at index " + lone + ", which JSON readers refuse in a"
          + " name. Use keys that are well-formed Unicode.");
    }
    generator.writeName(name);
  }

  /** Writes {@code value} with {@code codec}, or JSON {@code null} when it is null. */
  public <T> void write(JsonCodec<T> codec, T value) {
    if (value == null) {
      generator.writeNull();
    } else {
      codec.write(this, value);
    }
  }

  public void nullValue() {
    generator.writeNull();
  }

  public void value(String value) {
    generator.writeString(value);
  }

  public void value(boolean value) {
    generator.writeBoolean(value);
  }

  public void value(int value) {
    generator.writeNumber(value);
  }

  public void value(long value) {
    generator.writeNumber(value);
  }

  /** NaN and the infinities have no JSON number form, so they are written as strings. */
  public void value(double value) {
    if (Double.isFinite(value)) {
      generator.writeNumber(value);
    } else {
      generator.writeString(Double.toString(value));
    }
  }

  public void value(float value) {
    if (Float.isFinite(value)) {
      generator.writeNumber(value);
    } else {
      generator.writeString(Float.toString(value));
    }
  }

  public void value(short value) {
    generator.writeNumber(value);
  }

  public void value(byte value) {
    generator.writeNumber(value);
  }

  public void value(char value) {
    generator.writeString(String.valueOf(value));
  }

  /**
   * Writes a BigInteger as a JSON number.
   *
   * @throws WorkflowException when it has more digits than a reader with these limits accepts
   */
  public void value(BigInteger value) {
    checkLength(value.toString(), "BigInteger");
    generator.writeNumber(value);
  }

  /**
   * Writes a BigDecimal as a JSON number, as {@link BigDecimal#toString()} spells it.
   *
   * @throws WorkflowException when that is longer than a reader with these limits accepts
   */
  public void value(BigDecimal value) {
    checkLength(value.toString(), "BigDecimal");
    generator.writeNumber(value);
  }

  private void checkLength(String text, String type) {
    if (text.length() > maxNumberLength) {
      throw new WorkflowException("Cannot write a " + type + " of " + text.length() + " characters as JSON: the"
          + " limit is " + maxNumberLength + " (JsonLimits.maxNumberLength), so it could not be read back."
          + " Store it as a string, or split it.");
    }
  }
}
