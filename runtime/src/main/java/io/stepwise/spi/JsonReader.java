package io.stepwise.spi;

import io.stepwise.JsonDecodingException;
import java.util.Arrays;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

/**
 * The JSON input generated codecs read from: Jackson's parser plus the path to the value being
 * read ({@code Order.items[2].price}), so every rejection says where it happened.
 *
 * <p>Protocol: a read method starts on the value's first token and stops on its last;
 * {@link #nextField()} and {@link #nextElement()} move to the next value.
 */
public final class JsonReader {
  private final JsonParser parser;
  private final int maxDepth;
  private String root;
  // One frame per open object or array: a property name, a map key, or an array index.
  private String[] names = new String[16];
  private int[] indexes = new int[16];
  private boolean[] keys = new boolean[16];
  private int depth;

  public JsonReader(JsonParser parser, String root) {
    this(parser, root, Integer.MAX_VALUE);
  }

  /**
   * A reader that refuses values nested deeper than {@code maxDepth} objects and arrays, counted as
   * {@link JsonWriter} counts them: what it reads can be written again. The parser's own limit
   * bounds the whole text, including values skipped with {@link #skipValue()}.
   */
  public JsonReader(JsonParser parser, String root, int maxDepth) {
    this.parser = parser;
    this.root = root;
    this.maxDepth = maxDepth;
  }

  /** The underlying parser, for codecs that read something these methods do not cover. */
  public JsonParser parser() {
    return parser;
  }

  /** Names the outermost value once its type is known from a tag, for error paths. */
  public void nameRoot(String label) {
    if (depth <= 1) {
      root = label;
    }
  }

  /** Reads a value with {@code codec}; JSON {@code null} gives the codec's {@link JsonCodec#nullValue()}. */
  public <T> T read(JsonCodec<T> codec) {
    return parser.currentToken() == JsonToken.VALUE_NULL ? codec.nullValue() : codec.read(this);
  }

  /** Expects the start of an object. */
  public void beginObject() {
    expect(JsonToken.START_OBJECT, "an object");
    push();
    names[depth - 1] = null;
  }

  /** Moves to the next property's value and returns its name, or null after the closing brace. */
  public String nextField() {
    JsonToken token = advance();
    if (token == JsonToken.END_OBJECT) {
      depth--;
      return null;
    }
    if (token != JsonToken.PROPERTY_NAME) {
      throw fail("expected a property name, found " + describe(token));
    }
    String name = parser.currentName();
    names[depth - 1] = name;
    keys[depth - 1] = false;
    advance();
    return name;
  }

  /**
   * Like {@link #nextField()}, for a map: the name is a key, shown as {@code ["key"]} in paths. A
   * key with a lone UTF-16 surrogate is refused: no JSON writer could write it again.
   */
  public String nextKey() {
    String key = nextField();
    if (key != null) {
      keys[depth - 1] = true;
      int lone = Utf16.loneSurrogateAt(key);
      if (lone >= 0) {
        throw fail("the key has a lone UTF-16 surrogate at index " + lone);
      }
    }
    return key;
  }

  /** Expects the start of an array. */
  public void beginArray() {
    expect(JsonToken.START_ARRAY, "an array");
    push();
    names[depth - 1] = null;
    indexes[depth - 1] = -1;
  }

  /** Moves to the next element; false after the closing bracket. */
  public boolean nextElement() {
    JsonToken token = advance();
    if (token == JsonToken.END_ARRAY) {
      depth--;
      return false;
    }
    indexes[depth - 1]++;
    return true;
  }

  /** Skips the current value, with everything nested in it. */
  public void skipValue() {
    parser.skipChildren();
  }

  public String readString() {
    expect(JsonToken.VALUE_STRING, "a string");
    return parser.getString();
  }

  public boolean readBoolean() {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return token == JsonToken.VALUE_TRUE;
    }
    throw wrongToken("true or false");
  }

  public int readInt() {
    long value = readLong();
    if (value != (int) value) {
      throw fail("number " + value + " does not fit an int");
    }
    return (int) value;
  }

  public long readLong() {
    expect(JsonToken.VALUE_NUMBER_INT, "an integer");
    if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw fail("number " + parser.getString() + " does not fit a long");
    }
    return parser.getLongValue();
  }

  public short readShort() {
    int value = readInt();
    if (value != (short) value) {
      throw fail("number " + value + " does not fit a short");
    }
    return (short) value;
  }

  public byte readByte() {
    int value = readInt();
    if (value != (byte) value) {
      throw fail("number " + value + " does not fit a byte");
    }
    return (byte) value;
  }

  public char readChar() {
    String value = readString();
    if (value.length() != 1) {
      throw fail("expected a string of one character, found " + value.length() + " characters");
    }
    return value.charAt(0);
  }

  /**
   * A number, or one of the strings {@code NaN}, {@code Infinity}, {@code -Infinity}. A number too
   * large for a double (such as {@code 1e400}) is refused: it would silently become infinite.
   */
  public double readDouble() {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      double value = parser.getDoubleValue();
      if (Double.isInfinite(value)) {
        throw outOfRange("a double");
      }
      return value;
    }
    double special = nonFinite();
    if (Double.isNaN(special) || Double.isInfinite(special)) {
      return special;
    }
    throw wrongToken("a number");
  }

  /** Like {@link #readDouble()}, for a float: parsed as a float, so it reads back the float that was written. */
  public float readFloat() {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      float value = parser.getFloatValue();
      if (Float.isInfinite(value)) {
        throw outOfRange("a float");
      }
      return value;
    }
    double special = nonFinite();
    if (Double.isNaN(special) || Double.isInfinite(special)) {
      return (float) special;
    }
    throw wrongToken("a number");
  }

  /** The value of the strings {@code NaN}, {@code Infinity}, {@code -Infinity}; 0 for anything else. */
  private double nonFinite() {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      return 0;
    }
    return switch (parser.getString()) {
      case "NaN" -> Double.NaN;
      case "Infinity" -> Double.POSITIVE_INFINITY;
      case "-Infinity" -> Double.NEGATIVE_INFINITY;
      default -> 0;
    };
  }

  private JsonDecodingException outOfRange(String type) {
    return fail("number " + JsonCodecs.abbreviate(parser.getString()) + " is too large for " + type);
  }

  /** Expects {@code token} as the current token. */
  public void expect(JsonToken token, String description) {
    if (parser.currentToken() != token) {
      throw wrongToken(description);
    }
  }

  /** A rejection naming what was expected and what was found at the current path. */
  public JsonDecodingException wrongToken(String expected) {
    return fail("expected " + expected + ", found " + describe(parser.currentToken()));
  }

  /** A rejection of the current value, with its path and position. */
  public JsonDecodingException fail(String problem) {
    TokenStreamLocation at = parser.currentTokenLocation();
    return new JsonDecodingException("Cannot decode JSON at " + path() + " (line " + at.getLineNr()
        + ", column " + at.getColumnNr() + "): " + problem + ".");
  }

  /** Where the reader stands, as {@code Order.items[2].price}. */
  public String path() {
    var path = new StringBuilder(root);
    for (int i = 0; i < depth; i++) {
      if (names[i] == null && indexes[i] >= 0) {
        path.append('[').append(indexes[i]).append(']');
      } else if (names[i] != null && keys[i]) {
        path.append("[\"").append(names[i]).append("\"]");
      } else if (names[i] != null) {
        path.append('.').append(names[i]);
      }
    }
    return path.toString();
  }

  private JsonToken advance() {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw fail("the document ends too early");
    }
    return token;
  }

  private void push() {
    if (depth >= maxDepth) {
      throw fail("values nest deeper than " + maxDepth + " levels, more than could be written again");
    }
    if (depth == names.length) {
      names = Arrays.copyOf(names, depth * 2);
      indexes = Arrays.copyOf(indexes, depth * 2);
      keys = Arrays.copyOf(keys, depth * 2);
    }
    indexes[depth] = -1;
    keys[depth] = false;
    depth++;
  }

  private static String describe(JsonToken token) {
    if (token == null) {
      return "the end of the document";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.name();
    };
  }
}
