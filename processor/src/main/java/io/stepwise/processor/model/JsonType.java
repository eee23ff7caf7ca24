package io.stepwise.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;

/** How one field's type is written to JSON; codegen turns each into a codec expression. */
public sealed interface JsonType {
  /** The Java type, for generic codec declarations (boxed for primitives). */
  TypeName javaType();

  /** A primitive read and written without boxing; {@code name} is {@code Int}, {@code Double}, ... */
  record Primitive(String name, TypeName javaType) implements JsonType {}

  /** A constant of {@code io.stepwise.spi.JsonCodecs} or {@code JsonArrays}. */
  record Library(ClassName holder, String constant, TypeName javaType) implements JsonType {}

  record EnumRef(ClassName javaType) implements JsonType {}

  /** A record or class with its own generated codec, written without a tag. */
  record ObjectRef(ClassName javaType) implements JsonType {}

  /** A sealed type: its concrete subtypes, written with their tags. */
  record SealedRef(ClassName javaType) implements JsonType {}

  /** A field typed as an open event interface: any event of the workflow that is an instance. */
  record OpenEvent(ClassName javaType) implements JsonType {}

  /** A type the workflow supplies a codec for with {@code @Workflow(codecs)}; {@code codec} is its class. */
  record UserCodec(ClassName codec, TypeName javaType) implements JsonType {}

  record ListOf(JsonType element, TypeName javaType) implements JsonType {}

  record SetOf(JsonType element, TypeName javaType) implements JsonType {}

  record MapOf(JsonType value, TypeName javaType) implements JsonType {}

  record OptionalOf(JsonType value, TypeName javaType) implements JsonType {}

  record ArrayOf(JsonType element, TypeName javaType) implements JsonType {}
}
