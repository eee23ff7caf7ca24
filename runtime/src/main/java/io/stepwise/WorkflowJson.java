package io.stepwise;

import io.stepwise.spi.BoundedJson;
import io.stepwise.spi.CodecRegistry;
import io.stepwise.spi.JsonCodec;
import io.stepwise.spi.JsonReader;
import io.stepwise.spi.JsonWriter;
import java.io.StringWriter;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * A workflow's events and state as JSON, with the codecs the processor generated for it
 * ({@link CompiledWorkflow#json()}). Decoding is closed-world: only the workflow's own types, within
 * size and nesting limits; anything else is a {@link JsonDecodingException}. Thread-safe.
 */
public final class WorkflowJson {
  /** Default limit on a document's length, in characters. */
  public static final int DEFAULT_MAX_CHARS = 8 * 1024 * 1024;
  /** Default limit on how deeply objects and arrays nest. */
  public static final int DEFAULT_MAX_DEPTH = 200;
  /** Highest nesting limit: decoding recurses once per level, so the stack bounds it. */
  public static final int MAX_DEPTH = JsonLimits.MAX_DEPTH;
  /** The limits of {@link #of}: {@value #DEFAULT_MAX_CHARS} characters, depth {@value #DEFAULT_MAX_DEPTH}, numbers of 1000 characters. */
  public static final JsonLimits DEFAULT_LIMITS =
      new JsonLimits(DEFAULT_MAX_CHARS, DEFAULT_MAX_DEPTH, JsonLimits.DEFAULT_MAX_NUMBER_LENGTH);

  private final CodecRegistry registry;
  private final JsonLimits limits;
  private final JsonFactory factory;

  private WorkflowJson(CodecRegistry registry, JsonLimits limits) {
    this.registry = registry;
    this.limits = limits;
    this.factory = BoundedJson.factory(limits);
  }

  /** JSON for the workflow whose codecs are {@code registry}, with the default limits. */
  public static WorkflowJson of(CodecRegistry registry) {
    return new WorkflowJson(registry, DEFAULT_LIMITS);
  }

  /** A copy with other limits on length and nesting, e.g. smaller ones for input from untrusted clients. */
  public WorkflowJson withLimits(int maxChars, int maxDepth) {
    return withLimits(new JsonLimits(maxChars, maxDepth, limits.maxNumberLength()));
  }

  /**
   * A copy that reads within {@code limits}, and writes within them too: nothing nested deeper, and
   * no number longer, than it would read.
   */
  public WorkflowJson withLimits(JsonLimits limits) {
    return new WorkflowJson(registry, Objects.requireNonNull(limits, "limits"));
  }

  /** The limits it reads and writes within. */
  public JsonLimits limits() {
    return limits;
  }

  /** The event as one JSON object whose first field {@code "@type"} is its type tag. */
  public String write(Event event) {
    return write(registry.events(), event);
  }

  /** Decodes an event of this workflow. */
  public Event read(String json) {
    return read(json, registry.events(), "event");
  }

  /** The state as JSON (no type tag: a workflow has one state type). */
  public String writeState(Object state) {
    return writeTyped(stateCodec(), state);
  }

  /** Decodes a state value of this workflow. */
  public Object readState(String json) {
    var state = stateCodec();
    return read(json, state.codec(), state.type().getSimpleName());
  }

  private CodecRegistry.StateCodec<?> stateCodec() {
    return registry.state().orElseThrow(() -> new IllegalStateException(
        "Workflow '" + registry.workflow() + "' has no state type. Declare one with a Context<S> step parameter."));
  }

  private <S> String writeTyped(CodecRegistry.StateCodec<S> state, Object value) {
    if (!state.type().isInstance(value)) {
      throw new IllegalArgumentException("The state of workflow '" + registry.workflow() + "' is a "
          + state.type().getName() + ", not " + (value == null ? "null" : value.getClass().getName()) + ".");
    }
    return write(state.codec(), state.type().cast(value));
  }

  private <T> String write(JsonCodec<T> codec, T value) {
    var text = new StringWriter();
    try (JsonGenerator generator = factory.createGenerator(ObjectWriteContext.empty(), text)) {
      new JsonWriter(generator, limits.maxDepth(), limits.maxNumberLength()).write(codec, value);
    }
    return text.toString();
  }

  private <T> T read(String json, JsonCodec<T> codec, String root) {
    if (json == null) {
      throw new JsonDecodingException("Cannot decode JSON: the input is null. Pass a JSON document.");
    }
    if (json.length() > limits.maxChars()) {
      throw new JsonDecodingException("Cannot decode JSON: the document has " + json.length()
          + " characters, more than the limit of " + limits.maxChars() + ". Send a smaller document, or raise the"
          + " limit.");
    }
    JsonReader in = null;
    try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), json)) {
      in = new JsonReader(parser, root);
      if (parser.nextToken() == null) {
        throw new JsonDecodingException("Cannot decode JSON: the document is empty. Pass a JSON document.");
      }
      T value = in.read(codec);
      if (value == null) {
        throw in.fail("expected " + (codec == registry.events() ? "an event" : "a value") + ", found null");
      }
      if (parser.nextToken() != null) {
        throw in.fail("unexpected content after the end of the value");
      }
      return value;
    } catch (JsonDecodingException e) {
      throw e;
    } catch (StreamConstraintsException e) {
      throw new JsonDecodingException("Cannot decode JSON: the document exceeds a limit: " + e.getOriginalMessage()
          + " Send a smaller document, or raise the limit with WorkflowJson.withLimits.", e);
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new JsonDecodingException("Cannot decode JSON: malformed JSON" + where + ": "
          + e.getOriginalMessage(), e);
    } catch (RuntimeException e) {
      // A record's constructor rejected the decoded values (e.g. a compact constructor's check).
      String where = in == null ? root : in.path();
      throw new JsonDecodingException("Cannot decode JSON at " + where + ": the type rejected the decoded values: "
          + e, e);
    }
  }
}
