package io.stepwise.spi;

import io.stepwise.Event;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The closed world of one workflow's JSON: its event types (graph events, streamed events and the
 * runtime's built-in events) by type tag, and its state type. Nothing outside it ever decodes.
 * Generated code builds one per workflow ({@code Foo_Codecs.REGISTRY}).
 */
public final class CodecRegistry {
  private final String workflow;
  private final TaggedCodec<Event> events;
  private final StateCodec<?> state;
  private final Map<Class<?>, ObjectCodec<?>> configs;
  private final UntypedJson storeValues = new StoreValueCodec(this);

  /** The state type with its codec, kept together so the two cannot disagree. */
  public record StateCodec<S>(Class<S> type, ObjectCodec<S> codec) {}

  private CodecRegistry(String workflow, TaggedCodec<Event> events, StateCodec<?> state,
      Map<Class<?>, ObjectCodec<?>> configs) {
    this.workflow = workflow;
    this.events = events;
    this.state = state;
    this.configs = Map.copyOf(configs);
  }

  public static Builder builder(String workflow) {
    return new Builder(workflow);
  }

  /** Collects a workflow's codecs; the built-in events are always included. */
  public static final class Builder {
    private final String workflow;
    private final TaggedCodec.Builder<Event> events;
    private final DeferredEvents anyEvent = new DeferredEvents();
    private StateCodec<?> state;
    private final Map<Class<?>, ObjectCodec<?>> configs = new HashMap<>();

    private Builder(String workflow) {
      this.workflow = workflow;
      this.events = TaggedCodec.builder("an event of workflow '" + workflow + "'");
      BuiltInEvents.addTo(events, anyEvent);
    }

    /** Adds an event type under its tag (by convention its canonical name). */
    public <E extends Event> Builder event(Class<E> type, String tag, ObjectCodec<E> codec) {
      events.add(type, tag, codec);
      return this;
    }

    /** Sets the workflow's state type. */
    public <S> Builder state(Class<S> type, ObjectCodec<S> codec) {
      state = new StateCodec<>(type, codec);
      return this;
    }

    /** Adds the record of a {@code @Config} resource, read from its file with this codec. */
    public <T> Builder config(Class<T> type, ObjectCodec<T> codec) {
      configs.put(type, codec);
      return this;
    }

    public CodecRegistry build() {
      var registry = new CodecRegistry(workflow, events.build(), state, configs);
      anyEvent.target = registry.events;
      return registry;
    }
  }

  /** The workflow's name. */
  public String workflow() {
    return workflow;
  }

  /** Every event of the workflow, written with its type tag. */
  public TaggedCodec<Event> events() {
    return events;
  }

  /**
   * The workflow's events that are instances of {@code type}, for fields typed as an open event
   * interface: written with the tag, and anything else is rejected on read.
   */
  public <E extends Event> JsonCodec<E> events(Class<E> type) {
    return new JsonCodec<>() {
      @Override
      public void write(JsonWriter out, E value) {
        events.write(out, value);
      }

      @Override
      public E read(JsonReader in) {
        Event event = events.read(in);
        if (!type.isInstance(event)) {
          throw in.fail("expected " + type.getSimpleName() + ", found " + event.getClass().getSimpleName());
        }
        return type.cast(event);
      }
    };
  }

  /**
   * The codec of a {@code @Config} record of the workflow.
   *
   * @throws IllegalArgumentException when {@code type} is not one of its config records
   */
  @SuppressWarnings("unchecked") // each entry maps a type to the codec the generated code built for it
  public <T> ObjectCodec<T> config(Class<T> type) {
    ObjectCodec<?> codec = configs.get(type);
    if (codec == null) {
      throw new IllegalArgumentException("Workflow '" + workflow + "' reads no @Config of type " + type.getName());
    }
    return (ObjectCodec<T>) codec;
  }

  /**
   * The codec of the run's store: JSON-like values as {@link UntypedJson#INSTANCE} writes them, plus
   * the workflow's events (with their type tag) and state.
   */
  public UntypedJson storeValues() {
    return storeValues;
  }

  /** The state type and its codec, if the workflow has a state type. */
  public Optional<StateCodec<?>> state() {
    return Optional.ofNullable(state);
  }

  /** The built-in StepFailedEvent's input is any event; the set is complete only once built. */
  private static final class DeferredEvents implements JsonCodec<Event> {
    private TaggedCodec<Event> target;

    @Override
    public void write(JsonWriter out, Event value) {
      target.write(out, value);
    }

    @Override
    public Event read(JsonReader in) {
      return target.read(in);
    }
  }
}
