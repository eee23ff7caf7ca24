package io.stepwise.spi;

import io.stepwise.WorkflowException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A closed set of concrete types written as one JSON object whose first field is a type tag:
 * {@code {"@type": "com.acme.Circle", "radius": 2.0}}. Used for sealed hierarchies, for fields
 * typed as an event interface, and for a workflow's events. Unknown tags are rejected.
 *
 * @param <T> the common supertype
 */
public final class TaggedCodec<T> implements JsonCodec<T> {
  /** The property that holds the type tag; always the first field of a tagged object. */
  public static final String TAG = "@type";

  private record Entry<T, S extends T>(Class<S> type, String tag, String label, ObjectCodec<S> codec) {
    void writeFields(JsonWriter out, T value) {
      codec.writeFields(out, type.cast(value));
    }
  }

  private final String description;
  private final Map<String, Entry<T, ?>> byTag;
  private final Map<Class<?>, Entry<T, ?>> byType;

  private TaggedCodec(String description, Map<String, Entry<T, ?>> byTag, Map<Class<?>, Entry<T, ?>> byType) {
    this.description = description;
    this.byTag = Map.copyOf(byTag);
    this.byType = Map.copyOf(byType);
  }

  /** @param description what the set is, for messages ("an event of workflow 'jokes'", "a Shape") */
  public static <T> Builder<T> builder(String description) {
    return new Builder<>(description);
  }

  /** Collects the members of a tagged set. */
  public static final class Builder<T> {
    private final String description;
    private final Map<String, Entry<T, ?>> byTag = new HashMap<>();
    private final Map<Class<?>, Entry<T, ?>> byType = new HashMap<>();

    private Builder(String description) {
      this.description = description;
    }

    /** Adds a concrete member; a type or tag added twice keeps its first codec. */
    public <S extends T> Builder<T> add(Class<S> type, String tag, ObjectCodec<S> codec) {
      if (!byTag.containsKey(tag) && !byType.containsKey(type)) {
        String label = tag.substring(tag.lastIndexOf('.') + 1);
        var entry = new Entry<T, S>(type, tag, label, codec);
        byTag.put(tag, entry);
        byType.put(type, entry);
      }
      return this;
    }

    public TaggedCodec<T> build() {
      return new TaggedCodec<>(description, byTag, byType);
    }
  }

  /** The tags this codec knows, sorted. */
  public Set<String> tags() {
    return new TreeSet<>(byTag.keySet());
  }

  /** Whether values of exactly this class can be written. */
  public boolean knows(Class<?> type) {
    return byType.containsKey(type);
  }

  /** The type tag written for values of exactly {@code type}. */
  public String tagOf(Class<?> type) {
    return entry(type).tag();
  }

  @Override
  public void write(JsonWriter out, T value) {
    var entry = entry(value.getClass());
    out.beginObject();
    out.name(TAG);
    out.value(entry.tag());
    entry.writeFields(out, value);
    out.endObject();
  }

  @Override
  public T read(JsonReader in) {
    in.beginObject();
    if (!TAG.equals(in.nextField())) {
      throw in.fail("expected the type tag \"" + TAG + "\" as the first field of " + description);
    }
    String tag = in.readString();
    var entry = byTag.get(tag);
    if (entry == null) {
      throw in.fail("unknown type tag '" + JsonCodecs.abbreviate(tag) + "': expected " + description
          + ", one of " + tags());
    }
    in.nameRoot(entry.label());
    return entry.codec().readFields(in);
  }

  private Entry<T, ?> entry(Class<?> type) {
    var entry = byType.get(type);
    if (entry == null) {
      throw new WorkflowException("Cannot write " + type.getName() + " as JSON: it is not " + description
          + " (known: " + tags() + "). Use one of the known types.");
    }
    return entry;
  }
}
