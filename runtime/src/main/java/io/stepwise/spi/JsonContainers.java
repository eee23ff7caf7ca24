package io.stepwise.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Codecs for containers of other codecs' values: {@code List} and {@code Set} and arrays as JSON
 * arrays, {@code Map<String, V>} as an object, {@code Optional} as its value or {@code null}.
 * Decoded containers are unmodifiable, keep order, and may hold nulls.
 */
public final class JsonContainers {
  private JsonContainers() {}

  public static <T> JsonCodec<List<T>> listOf(JsonCodec<T> element) {
    return new JsonCodec<>() {
      @Override
      public void write(JsonWriter out, List<T> value) {
        out.beginArray();
        for (T item : value) {
          out.write(element, item);
        }
        out.endArray();
      }

      @Override
      public List<T> read(JsonReader in) {
        return Collections.unmodifiableList(readElements(in, element));
      }
    };
  }

  public static <T> JsonCodec<Set<T>> setOf(JsonCodec<T> element) {
    return new JsonCodec<>() {
      @Override
      public void write(JsonWriter out, Set<T> value) {
        out.beginArray();
        for (T item : value) {
          out.write(element, item);
        }
        out.endArray();
      }

      @Override
      public Set<T> read(JsonReader in) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(readElements(in, element)));
      }
    };
  }

  /** An array of references; {@code create} is the generated {@code T[]::new}. */
  public static <T> JsonCodec<T[]> arrayOf(JsonCodec<T> element, IntFunction<T[]> create) {
    return new JsonCodec<>() {
      @Override
      public void write(JsonWriter out, T[] value) {
        out.beginArray();
        for (T item : value) {
          out.write(element, item);
        }
        out.endArray();
      }

      @Override
      public T[] read(JsonReader in) {
        return readElements(in, element).toArray(create.apply(0));
      }
    };
  }

  /** {@code Map<String, V>}; keys keep their order. */
  public static <V> JsonCodec<Map<String, V>> mapOf(JsonCodec<V> value) {
    return new JsonCodec<>() {
      @Override
      public void write(JsonWriter out, Map<String, V> map) {
        out.beginObject();
        for (var entry : map.entrySet()) {
          out.name(entry.getKey());
          out.write(value, entry.getValue());
        }
        out.endObject();
      }

      @Override
      public Map<String, V> read(JsonReader in) {
        var map = new LinkedHashMap<String, V>();
        in.beginObject();
        for (String key; (key = in.nextKey()) != null; ) {
          map.put(key, in.read(value));
        }
        return Collections.unmodifiableMap(map);
      }
    };
  }

  /** Empty is written as {@code null}, and {@code null} or a missing field reads as empty. */
  public static <T> JsonCodec<Optional<T>> optionalOf(JsonCodec<T> inner) {
    return new JsonCodec<>() {
      @Override
      public void write(JsonWriter out, Optional<T> value) {
        out.write(inner, value.orElse(null));
      }

      @Override
      public Optional<T> read(JsonReader in) {
        return Optional.ofNullable(inner.read(in));
      }

      @Override
      public Optional<T> nullValue() {
        return Optional.empty();
      }
    };
  }

  static <T> List<T> readElements(JsonReader in, JsonCodec<T> element) {
    var items = new ArrayList<T>();
    in.beginArray();
    while (in.nextElement()) {
      items.add(in.read(element));
    }
    return items;
  }
}
