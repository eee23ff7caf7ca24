package io.stepwise.spi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Codecs for the library types generated codecs support; containers are in {@link JsonContainers}.
 * Each is a constant, so generated code allocates nothing per value.
 */
public final class JsonCodecs {
  private JsonCodecs() {}

  public static final JsonCodec<String> STRING = codec(JsonWriter::value, JsonReader::readString);
  public static final JsonCodec<Boolean> BOOLEAN = codec(JsonWriter::value, JsonReader::readBoolean);
  public static final JsonCodec<Integer> INTEGER = codec(JsonWriter::value, JsonReader::readInt);
  public static final JsonCodec<Long> LONG = codec(JsonWriter::value, JsonReader::readLong);
  public static final JsonCodec<Short> SHORT = codec(JsonWriter::value, JsonReader::readShort);
  public static final JsonCodec<Byte> BYTE = codec(JsonWriter::value, JsonReader::readByte);
  public static final JsonCodec<Character> CHARACTER = codec(JsonWriter::value, JsonReader::readChar);
  public static final JsonCodec<Double> DOUBLE = codec(JsonWriter::value, JsonReader::readDouble);
  public static final JsonCodec<Float> FLOAT = codec(JsonWriter::value, JsonReader::readFloat);

  public static final JsonCodec<BigDecimal> BIG_DECIMAL = codec(JsonWriter::value, JsonCodecs::readDecimal);
  public static final JsonCodec<BigInteger> BIG_INTEGER = codec(JsonWriter::value, JsonCodecs::readBigInteger);

  public static final JsonCodec<UUID> UUID_CODEC = text(UUID::toString, UUID::fromString, "a UUID");
  public static final JsonCodec<Instant> INSTANT = text(Instant::toString, Instant::parse, "an ISO-8601 instant");
  public static final JsonCodec<Duration> DURATION = text(Duration::toString, Duration::parse, "an ISO-8601 duration");
  public static final JsonCodec<LocalDate> LOCAL_DATE = text(LocalDate::toString, LocalDate::parse, "an ISO-8601 date");
  public static final JsonCodec<LocalDateTime> LOCAL_DATE_TIME =
      text(LocalDateTime::toString, LocalDateTime::parse, "an ISO-8601 local date-time");
  public static final JsonCodec<OffsetDateTime> OFFSET_DATE_TIME =
      text(OffsetDateTime::toString, OffsetDateTime::parse, "an ISO-8601 offset date-time");
  /** {@code byte[]} as a base64 string (RFC 4648, with padding). */
  public static final JsonCodec<byte[]> BYTES =
      text(v -> Base64.getEncoder().encodeToString(v), s -> Base64.getDecoder().decode(s), "a base64 string");

  /** An enum by constant name; {@code values} is the generated {@code E.values()}, so no reflection. */
  public static <E extends Enum<E>> JsonCodec<E> enumOf(Class<E> type, E[] values) {
    var byName = new java.util.HashMap<String, E>();
    for (E value : values) {
      byName.put(value.name(), value);
    }
    return codec((out, v) -> out.value(v.name()), in -> {
      E value = byName.get(in.readString());
      if (value == null) {
        throw in.fail("'" + in.parser().getString() + "' is not a constant of " + type.getSimpleName());
      }
      return value;
    });
  }

  private interface Writing<T> {
    void write(JsonWriter out, T value);
  }

  private interface Reading<T> {
    T read(JsonReader in);
  }

  private static <T> JsonCodec<T> codec(Writing<T> writing, Reading<T> reading) {
    return new JsonCodec<>() {
      @Override
      public void write(JsonWriter out, T value) {
        writing.write(out, value);
      }

      @Override
      public T read(JsonReader in) {
        return reading.read(in);
      }
    };
  }

  private static <T> JsonCodec<T> text(Function<T, String> format, Function<String, T> parse, String what) {
    return codec((out, v) -> out.value(format.apply(v)), in -> {
      String text = in.readString();
      try {
        return parse.apply(text);
      } catch (RuntimeException e) {
        throw in.fail("expected " + what + ", found \"" + abbreviate(text) + "\"");
      }
    });
  }

  private static BigDecimal readDecimal(JsonReader in) {
    JsonToken token = in.parser().currentToken();
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
      throw in.wrongToken("a number");
    }
    return in.parser().getDecimalValue();
  }

  private static BigInteger readBigInteger(JsonReader in) {
    in.expect(JsonToken.VALUE_NUMBER_INT, "an integer");
    JsonParser parser = in.parser();
    return parser.getBigIntegerValue();
  }

  static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}
