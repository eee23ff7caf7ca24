package io.stepwise.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON this module needs, without a JSON library: the model is shared with the
 * annotation processor, which must not drag a parser onto every user's processor path.
 *
 * <p>{@link #string} escapes as Jackson does (short escapes where JSON has them, a backslash-u escape
 * otherwise), so texts written here and by the runtime's Jackson-based code agree byte for byte.
 * {@link #parse} reads objects as {@link Map}, arrays as {@link List}, strings, {@link Long} or
 * {@link Double} numbers, booleans and {@code null}.
 */
final class JsonText {
  private final String text;
  private int at;

  private JsonText(String text) {
    this.text = text;
  }

  /** A JSON string literal of {@code value}, quotes included. */
  static String string(String value) {
    var out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** A JSON array of string literals. */
  static String strings(List<String> values) {
    var out = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "" : ",").append(string(values.get(i)));
    }
    return out.append(']').toString();
  }

  /**
   * The value of one JSON text.
   *
   * @throws Malformed naming what is wrong and where
   */
  static Object parse(String text) {
    var reader = new JsonText(text);
    reader.skipSpace();
    Object value = reader.value();
    reader.skipSpace();
    if (reader.at < text.length()) {
      throw reader.malformed("content after the end of the value");
    }
    return value;
  }

  /** Text that is not JSON. */
  static final class Malformed extends IllegalArgumentException {
    Malformed(String message) {
      super(message);
    }
  }

  private Object value() {
    if (at >= text.length()) {
      throw malformed("unexpected end of text");
    }
    char c = text.charAt(at);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> stringValue();
      case 't' -> word("true", Boolean.TRUE);
      case 'f' -> word("false", Boolean.FALSE);
      case 'n' -> word("null", null);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw malformed("unexpected character '" + c + "'");
      }
    };
  }

  private Map<String, Object> object() {
    var map = new LinkedHashMap<String, Object>();
    at++;
    skipSpace();
    if (peek() == '}') {
      at++;
      return map;
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw malformed("expected a property name");
      }
      String name = stringValue();
      skipSpace();
      expect(':');
      skipSpace();
      map.put(name, value());
      skipSpace();
      if (peek() == ',') {
        at++;
      } else {
        expect('}');
        return map;
      }
    }
  }

  private List<Object> array() {
    var list = new ArrayList<Object>();
    at++;
    skipSpace();
    if (peek() == ']') {
      at++;
      return list;
    }
    while (true) {
      skipSpace();
      list.add(value());
      skipSpace();
      if (peek() == ',') {
        at++;
      } else {
        expect(']');
        return list;
      }
    }
  }

  private String stringValue() {
    at++; // the opening quote
    var out = new StringBuilder();
    while (true) {
      if (at >= text.length()) {
        throw malformed("unterminated string");
      }
      char c = text.charAt(at++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw malformed("unescaped control character in a string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (at >= text.length()) {
        throw malformed("unterminated string");
      }
      char escaped = text.charAt(at++);
      switch (escaped) {
        case '"', '\\', '/' -> out.append(escaped);
        case 'b' -> out.append('\b');
        case 't' -> out.append('\t');
        case 'n' -> out.append('\n');
        case 'f' -> out.append('\f');
        case 'r' -> out.append('\r');
        case 'u' -> {
          if (at + 4 > text.length()) {
            throw malformed("short \\u escape");
          }
          try {
            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          } catch (NumberFormatException e) {
            throw malformed("bad \\u escape");
          }
          at += 4;
        }
        default -> throw malformed("bad escape '\\" + escaped + "'");
      }
    }
  }

  private Object number() {
    int start = at;
    boolean fraction = false;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '.' || c == 'e' || c == 'E') {
        fraction = true;
      } else if (!(c == '-' || c == '+' || (c >= '0' && c <= '9'))) {
        break;
      }
      at++;
    }
    String literal = text.substring(start, at);
    try {
      return fraction ? (Object) Double.parseDouble(literal) : (Object) Long.parseLong(literal);
    } catch (NumberFormatException e) {
      at = start;
      throw malformed("bad number '" + literal + "'");
    }
  }

  private Object word(String word, Object value) {
    if (!text.startsWith(word, at)) {
      throw malformed("unexpected character '" + text.charAt(at) + "'");
    }
    at += word.length();
    return value;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw at >= text.length() ? malformed("unexpected end of text") : malformed("expected '" + c + "'");
    }
    at++;
  }

  private char peek() {
    return at < text.length() ? text.charAt(at) : '\0';
  }

  private void skipSpace() {
    while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
  }

  private Malformed malformed(String what) {
    return new Malformed(what + " at offset " + at);
  }
}
