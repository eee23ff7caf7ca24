package io.stepwise.spi;

import io.stepwise.WorkflowException;
import tools.jackson.core.JsonGenerator;

/**
 * The JSON output generated codecs write to: Jackson's generator plus a nesting guard, so a
 * cyclic object graph fails with a clear error instead of overflowing the stack.
 */
public final class JsonWriter {
  private final JsonGenerator generator;
  private final int maxDepth;
  private int depth;

  public JsonWriter(JsonGenerator generator, int maxDepth) {
    this.generator = generator;
    this.maxDepth = maxDepth;
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

  /** Writes a property name; the property's value follows. */
  public void name(String name) {
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
}
