package io.stepwise.spi;

import io.stepwise.WorkflowException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.core.JsonParser;

/**
 * The codec of untyped JSON-like values: strings, booleans, numbers, lists and string-keyed maps of
 * these, and null. The runtime writes the script events {@code MapStartEvent} and {@code ResultEvent}
 * with it, and the run's store with it plus the workflow's own types
 * ({@link CodecRegistry#storeValues()}); a codec of yours may use it for a field holding such values.
 *
 * <p>Each value reads back as the type it was written as: a number plain JSON would lose is wrapped
 * in a one-property object naming its type ({@code {"@long":5}}, {@code {"@double":"NaN"}}), lists
 * read as unmodifiable lists, maps as unmodifiable maps in their order. A map whose first key starts
 * with {@code @} is wrapped as {@code {"@map":{...}}}, so it is never mistaken for a typed value.
 */
public sealed class UntypedJson implements JsonCodec<Object> permits StoreValueCodec {
  /** JSON-like values alone: anything else is refused when written. */
  public static final UntypedJson INSTANCE = new UntypedJson();

  /** Wraps a map whose first key starts with {@code @}. */
  static final String MAP = "@map";

  UntypedJson() {}

  /**
   * Why {@code value} could not be written under {@code key} and read back exactly, or null when it
   * can: the check a store makes at {@code put}, so nothing is lost or changed when a snapshot is
   * read back on resume.
   *
   * @param ownType whether a value is one of the workflow's own types, which their codecs write
   */
  public static Refusal refusal(String key, Object value, Predicate<Object> ownType) {
    return StorableValues.problem(key, value, ownType);
  }

  /**
   * Why a value cannot be written: {@code what} names it ("a value of type X", "a list whose element
   * 2 ..."), {@code why} says what is wrong and what to do.
   */
  public record Refusal(String what, String why) {}

  /** For the store's codec: writes {@code value} when it is one of its own types, and says whether it was. */
  boolean writeOwn(JsonWriter out, Object value) {
    return false;
  }

  /** For the store's codec: whether an object whose first property is {@code name} is one of its own types. */
  boolean isOwnTag(String name) {
    return false;
  }

  /** For the store's codec: reads the value under {@code tag}, a name {@link #isOwnTag} accepted. */
  Object readOwn(JsonReader in, String tag) {
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
