package io.stepwise.internal.json;

import io.stepwise.WorkflowException;
import io.stepwise.spi.JsonCodec;
import io.stepwise.spi.JsonReader;
import io.stepwise.spi.JsonWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;

/**
 * Untyped JSON-like values, for the script events {@code MapStartEvent} and {@code ResultEvent} and
 * (with the workflow's own types added by a subclass) the run's store: strings, booleans, numbers,
 * lists and string-keyed maps of these, and null. Each reads back as the type it was written as:
 * numbers as {@link TypedNumbers} writes them, lists as unmodifiable lists, maps as unmodifiable
 * maps in their order. A map whose first key starts with {@code @} is wrapped as {@code {"@map":{...}}},
 * so it is never mistaken for a typed value.
 */
public class DynamicJson implements JsonCodec<Object> {
  public static final DynamicJson INSTANCE = new DynamicJson();

  /** Wraps a map whose first key starts with {@code @}. */
  public static final String MAP = "@map";

  protected DynamicJson() {}

  /** For subclasses: writes {@code value} when it is one of their own types, and says whether it was. */
  protected boolean writeOwn(JsonWriter out, Object value) {
    return false;
  }

  /** For subclasses: whether an object whose first property is {@code name} is one of their own types. */
  protected boolean isOwnTag(String name) {
    return false;
  }

  /** For subclasses: reads the value under {@code tag}, a name {@link #isOwnTag} accepted. */
  protected Object readOwn(JsonReader in, String tag) {
    throw new IllegalStateException("no own type under " + tag);
  }

  @Override
  public void write(JsonWriter out, Object value) {
    if (writeOwn(out, value)) {
      return;
    }
    switch (value) {
      case String s -> out.value(s);
      case Boolean b -> out.value(b.booleanValue());
      case List<?> items -> { // not any Collection: a set would read back as a list
        out.beginArray();
        for (Object item : items) {
          out.write(this, item);
        }
        out.endArray();
      }
      case Map<?, ?> map -> writeMap(out, map);
      default -> {
        if (!TypedNumbers.isNumber(value)) {
          throw new WorkflowException("Cannot write a value of type " + value.getClass().getName()
              + " as untyped JSON. Use strings, numbers, booleans, lists and maps, or a typed event.");
        }
        TypedNumbers.write(out, value);
      }
    }
  }

  private void writeMap(JsonWriter out, Map<?, ?> map) {
    boolean wrap = !map.isEmpty() && map.keySet().iterator().next() instanceof String first && first.startsWith("@");
    out.beginObject();
    if (wrap) {
      out.name(MAP);
      out.beginObject();
    }
    for (var entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        throw new WorkflowException("Cannot write a map key of type " + entry.getKey().getClass().getName()
            + " as JSON. Use String keys.");
      }
      out.name(key);
      out.write(this, entry.getValue());
    }
    if (wrap) {
      out.endObject();
    }
    out.endObject();
  }

  @Override
  public Object read(JsonReader in) {
    JsonParser parser = in.parser();
    return switch (parser.currentToken()) {
      case VALUE_STRING -> parser.getString();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> TypedNumbers.readPlain(in);
      case START_ARRAY -> {
        var items = new ArrayList<Object>();
        in.beginArray();
        while (in.nextElement()) {
          items.add(in.read(this));
        }
        yield Collections.unmodifiableList(items);
      }
      case START_OBJECT -> readObject(in);
      default -> throw in.wrongToken("a JSON value");
    };
  }

  private Object readObject(JsonReader in) {
    in.beginObject();
    String first = in.nextKey();
    if (first == null) {
      return Map.of();
    }
    Object value;
    if (first.equals(MAP)) {
      in.beginObject();
      value = readMap(in, in.nextKey());
    } else if (TypedNumbers.isTag(first)) {
      value = TypedNumbers.readTagged(in, first);
    } else if (isOwnTag(first)) {
      value = readOwn(in, first);
    } else {
      return readMap(in, first);
    }
    if (value == null || in.nextKey() != null) {
      throw in.fail("expected exactly one non-null value under \"" + first + "\"");
    }
    return value;
  }

  private Map<String, Object> readMap(JsonReader in, String first) {
    var map = new LinkedHashMap<String, Object>();
    for (String key = first; key != null; key = in.nextKey()) {
      map.put(key, in.read(this));
    }
    return Collections.unmodifiableMap(map);
  }
}
