package io.stepwise.processor.codegen;

import com.palantir.javapoet.ClassName;

/** Runtime types the generated code refers to, by name: the processor never loads them. */
final class RuntimeTypes {
  static final ClassName EVENT = ClassName.get("io.stepwise", "Event");
  static final ClassName START_EVENT = ClassName.get("io.stepwise", "StartEvent");
  static final ClassName STOP_EVENT = ClassName.get("io.stepwise", "StopEvent");
  static final ClassName CONTEXT = ClassName.get("io.stepwise", "Context");
  static final ClassName COMPILED_WORKFLOW = ClassName.get("io.stepwise", "CompiledWorkflow");
  static final ClassName WORKFLOW_DEFINITION = ClassName.get("io.stepwise.spi", "WorkflowDefinition");
  static final ClassName STEP_DESCRIPTOR = ClassName.get("io.stepwise.spi", "StepDescriptor");
  static final ClassName EVENT_INPUT = ClassName.get("io.stepwise.spi", "EventInput");
  static final ClassName BATCH = ClassName.get("io.stepwise.spi", "Batch");
  static final ClassName ANNOTATED_RETRY = ClassName.get("io.stepwise.spi", "AnnotatedRetry");
  static final ClassName RETRY_POLICY = ClassName.get("io.stepwise", "RetryPolicy");
  static final ClassName CONFIG_FILES = ClassName.get("io.stepwise.spi", "ConfigFiles");
  static final ClassName RESOURCE_CACHE = ClassName.get("io.stepwise.spi", "ResourceCache");
  static final ClassName CATCH_POLICY = ClassName.get("io.stepwise.spi", "CatchPolicy");
  static final ClassName WORKFLOW_GRAPH = ClassName.get("io.stepwise.graph", "WorkflowGraph");
  static final ClassName JSON_CODEC = ClassName.get("io.stepwise.spi", "JsonCodec");
  static final ClassName OBJECT_CODEC = ClassName.get("io.stepwise.spi", "ObjectCodec");
  static final ClassName TAGGED_CODEC = ClassName.get("io.stepwise.spi", "TaggedCodec");
  static final ClassName CODEC_REGISTRY = ClassName.get("io.stepwise.spi", "CodecRegistry");
  static final ClassName JSON_CODECS = ClassName.get("io.stepwise.spi", "JsonCodecs");
  static final ClassName JSON_CONTAINERS = ClassName.get("io.stepwise.spi", "JsonContainers");
  static final ClassName JSON_WRITER = ClassName.get("io.stepwise.spi", "JsonWriter");
  static final ClassName JSON_READER = ClassName.get("io.stepwise.spi", "JsonReader");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private RuntimeTypes() {}
}
