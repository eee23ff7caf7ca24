package io.stepwise.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Optional;

/**
 * Everything a workflow's JSON codecs cover, found by walking its events and state type.
 *
 * @param events concrete event types that get a registry entry (graph, streamed), sorted
 * @param state the state type, if the workflow has one
 * @param objects every record or class with a generated codec, sorted
 * @param enums enum types, sorted
 * @param sealed sealed types with their concrete subtypes, sorted
 * @param configs the records of the workflow's {@code @Config} resources, sorted; each has an object codec
 */
public record CodecModel(
    ClassName codecsName,
    String workflowName,
    List<ClassName> events,
    Optional<ClassName> state,
    List<ObjectShape> objects,
    List<ClassName> enums,
    List<SealedShape> sealed,
    List<ClassName> configs) {

  public CodecModel {
    events = List.copyOf(events);
    objects = List.copyOf(objects);
    enums = List.copyOf(enums);
    sealed = List.copyOf(sealed);
    configs = List.copyOf(configs);
  }

  /** Codecs of a workflow without {@code @Config} resources. */
  public CodecModel(ClassName codecsName, String workflowName, List<ClassName> events, Optional<ClassName> state,
      List<ObjectShape> objects, List<ClassName> enums, List<SealedShape> sealed) {
    this(codecsName, workflowName, events, state, objects, enums, sealed, List.of());
  }

  /**
   * A record (built with its canonical constructor) or a class (built with its no-arg
   * constructor, then its fields assigned).
   */
  public record ObjectShape(ClassName name, boolean record, List<Field> fields) {
    public ObjectShape {
      fields = List.copyOf(fields);
    }
  }

  /** One record component or class field. */
  public record Field(String name, JsonType type) {}

  /** A sealed type and its concrete subtypes, each of which has an {@link ObjectShape}. */
  public record SealedShape(ClassName name, List<ClassName> leaves) {
    public SealedShape {
      leaves = List.copyOf(leaves);
    }
  }
}
