package io.stepwise.spi;

import java.math.BigDecimal;
import java.math.BigInteger;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Numbers in untyped JSON, written so that each reads back as the type it was. A plain JSON integer
 * reads as the smallest of Integer, Long, BigInteger that holds it, and a plain fraction as a
 * finite Double; any other number is wrapped in a one-property object naming its type, such as
 * {@code {"@long":5}} or {@code {"@double":"NaN"}}.
 */
final class TypedNumbers {
  static final String LONG = "@long";
  static final String SHORT = "@short";
  static final String BYTE = "@byte";
  static final String FLOAT = "@float";
  static final String DOUBLE = "@double";
  static final String BIG_INTEGER = "@biginteger";
  static final String BIG_DECIMAL = "@bigdecimal";

  private static final BigInteger MIN_LONG = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

  private TypedNumbers() {}

  /** Whether {@code value} is a number this class writes. */
  static boolean isNumber(Object value) {
    return value instanceof Integer || value instanceof Long || value instanceof Double || value instanceof Float
        || value instanceof Short || value instanceof Byte || value instanceof BigInteger
        || value instanceof BigDecimal;
  }

  /** The tag {@code number} is wrapped in, or null when it is written as a plain JSON number. */
  static String tagOf(Object number) {
    return switch (number) {
      case Integer i -> null;
      case Long l -> l == l.intValue() ? LONG : null;
      case Double d -> Double.isFinite(d) ? null : DOUBLE;
      case Float f -> FLOAT;
      case Short s -> SHORT;
      case Byte b -> BYTE;
      case BigInteger b -> b.compareTo(MIN_LONG) >= 0 && b.compareTo(MAX_LONG) <= 0 ? BIG_INTEGER : null;
      case BigDecimal b -> BIG_DECIMAL;
      default -> throw new IllegalArgumentException("not a number: " + number.getClass().getName());
    };
  }

  /** Writes a number for which {@link #isNumber} holds. */
  static void write(JsonWriter out, Object number) {
    String tag = tagOf(number);
    if (tag != null) {
      out.beginObject();
      out.name(tag);
    }
    switch (number) {
      case Integer i -> out.value(i.intValue());
      case Long l -> out.value(l.longValue());
      case Double d -> out.value(d.doubleValue()); // NaN and the infinities as strings, under "@double"
      case Float f -> out.value(f.floatValue());
      case Short s -> out.value(s.shortValue());
      case Byte b -> out.value(b.byteValue());
      case BigInteger b -> out.value(b);
      case BigDecimal b -> out.value(b);
      default -> throw new IllegalArgumentException("not a number: " + number.getClass().getName());
    }
    if (tag != null) {
      out.endObject();
    }
  }

  /** Whether {@code name}, the first property of an object, makes it a typed number. */
  static boolean isTag(String name) {
    return switch (name) {
      case LONG, SHORT, BYTE, FLOAT, DOUBLE, BIG_INTEGER, BIG_DECIMAL -> true;
      default -> false;
    };
  }

  /** Reads the value of a typed number's only property, whose name {@link #isTag} accepted. */
  static Object readTagged(JsonReader in, String tag) {
    return switch (tag) {
      case LONG -> in.readLong();
      case SHORT -> in.readShort();
      case BYTE -> in.readByte();
      case FLOAT -> in.readFloat();
      case DOUBLE -> in.readDouble();
      case BIG_INTEGER -> {
        in.expect(JsonToken.VALUE_NUMBER_INT, "an integer");
        yield in.parser().getBigIntegerValue();
      }
      case BIG_DECIMAL -> {
        JsonToken token = in.parser().currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
          throw in.wrongToken("a number");
        }
        yield in.parser().getDecimalValue();
      }
      default -> throw new IllegalArgumentException("not a number tag: " + tag);
    };
  }

  /** Reads a plain JSON number: Integer, Long or BigInteger by size, or a finite Double. */
  static Object readPlain(JsonReader in) {
    JsonParser parser = in.parser();
    if (parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
      return in.readDouble();
    }
    return switch (parser.getNumberType()) {
      case INT -> parser.getIntValue();
      case LONG -> parser.getLongValue();
      default -> parser.getBigIntegerValue();
    };
  }
}
