package io.stepwise.spi;

/**
 * Writes and reads values of one type with Jackson's streaming API; the processor generates one
 * per event, state and nested type, and {@link JsonCodecs} has the library types. A codec never
 * sees null: {@link JsonWriter#write} and {@link JsonReader#read} handle JSON {@code null}.
 *
 * @param <T> the type it handles
 */
public interface JsonCodec<T> {
  /** Writes a non-null value as one JSON value. */
  void write(JsonWriter out, T value);

  /** Reads one JSON value; the reader stands on its first token, which is not {@code null}. */
  T read(JsonReader in);

  /** What JSON {@code null} and a missing field decode to. */
  default T nullValue() {
    return null;
  }
}
