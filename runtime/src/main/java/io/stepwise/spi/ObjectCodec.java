package io.stepwise.spi;

/**
 * A codec for a type written as a JSON object, split into its fields so that a type tag can
 * precede them in the same object ({@code {"@type": "com.acme.JokeEvent", "joke": "..."}}).
 *
 * @param <T> the record or class it handles
 */
public interface ObjectCodec<T> extends JsonCodec<T> {
  /** Writes the fields of a non-null value, between the object's braces. */
  void writeFields(JsonWriter out, T value);

  /** Reads fields up to and including the object's closing brace; unknown fields are skipped. */
  T readFields(JsonReader in);

  @Override
  default void write(JsonWriter out, T value) {
    out.beginObject();
    writeFields(out, value);
    out.endObject();
  }

  @Override
  default T read(JsonReader in) {
    in.beginObject();
    return readFields(in);
  }
}
