package io.stepwise.processor.codegen;

import static io.stepwise.processor.codegen.RuntimeTypes.COMPILED_WORKFLOW;
import static io.stepwise.processor.codegen.RuntimeTypes.GENERATED;
import static io.stepwise.processor.codegen.RuntimeTypes.START_EVENT;
import static io.stepwise.processor.codegen.RuntimeTypes.STEP_DESCRIPTOR;
import static io.stepwise.processor.codegen.RuntimeTypes.STOP_EVENT;
import static io.stepwise.processor.codegen.RuntimeTypes.WORKFLOW_DEFINITION;
import static io.stepwise.processor.codegen.RuntimeTypes.WORKFLOW_GRAPH;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.stepwise.graph.WorkflowGraph;
import io.stepwise.processor.model.EventIndex;
import io.stepwise.processor.model.EventType;
import io.stepwise.processor.model.WorkflowModel;
import java.time.Duration;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Writes {@code Foo_Workflow}, the {@code WorkflowDefinition} of one validated workflow. */
public final class WorkflowDefinitionGenerator {
  static final String PROCESSOR = "io.stepwise.processor.StepwiseProcessor";

  private final boolean generatedAvailable;

  /** @param generatedAvailable whether {@code javax.annotation.processing.Generated} is on the compile path */
  public WorkflowDefinitionGenerator(boolean generatedAvailable) {
    this.generatedAvailable = generatedAvailable;
  }

  /** @param graph the workflow's graph, as {@link GraphResourceGenerator#graph} built it */
  public JavaFile generate(EventIndex index, WorkflowGraph graph) {
    WorkflowModel workflow = index.workflow();
    ClassName self = workflow.generatedName();
    // When a start or stop rule was skipped there is no single type; the marker interface stands in.
    ClassName start = index.startType().map(EventType::name).orElse(START_EVENT);
    ClassName stop = index.stopType().map(EventType::name).orElse(STOP_EVENT);
    var steps = ParameterizedTypeName.get(ClassName.get(List.class), STEP_DESCRIPTOR);

    var type = TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(WORKFLOW_DEFINITION, workflow.type(), start, stop))
        .addField(FieldSpec.builder(steps, "STEPS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer(StepsGenerator.steps(workflow))
            .build())
        .addField(FieldSpec.builder(WORKFLOW_GRAPH, "GRAPH", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer(GraphGenerator.code(graph))
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).build())
        .addMethod(MethodSpec.methodBuilder("of")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(ParameterizedTypeName.get(COMPILED_WORKFLOW, start, stop))
            .addParameter(workflow.type(), "target")
            .addStatement("return $T.of(new $T(), target)", COMPILED_WORKFLOW, self)
            .build())
        .addMethod(getter("name", ClassName.get(String.class), CodeBlock.of("$S", workflow.name())))
        .addMethod(getter("workflowType", classOf(workflow.type()), CodeBlock.of("$T.class", workflow.type())))
        .addMethod(getter("startEventType", classOf(start), CodeBlock.of("$T.class", start)))
        .addMethod(getter("stopEventType", classOf(stop), CodeBlock.of("$T.class", stop)))
        .addMethod(getter("timeout", ClassName.get(Duration.class), CodeBlocks.duration(workflow.timeout())))
        .addMethod(getter("steps", steps, CodeBlock.of("STEPS")))
        .addMethod(getter("graph", WORKFLOW_GRAPH, CodeBlock.of("GRAPH")))
        .addMethod(getter("codecs", RuntimeTypes.CODEC_REGISTRY, CodeBlock.of("$T.REGISTRY", workflow.codecsName())))
        .addMethod(getter("graphHash", ClassName.get(String.class),
            CodeBlock.of("$S", GraphHashGenerator.hash(workflow))))
        .addMethod(DispatchGenerator.invoke(workflow));
    if (workflow.numConcurrentRuns() > 0) { // else the interface's default, no limit: generated code stays as it was
      type.addMethod(getter("numConcurrentRuns", TypeName.INT, CodeBlock.of("$L", workflow.numConcurrentRuns())));
    }
    ResourcesGenerator.addTo(type, workflow);
    RetryPoliciesGenerator.addTo(type, workflow);
    if (workflow.state() != null) {
      StateGenerator.addTo(type, workflow.state());
    }
    if (generatedAvailable) {
      type.addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build());
    }
    return JavaFile.builder(self.packageName(), type.build())
        .addStaticImport(StepsGenerator.BUILDER, "step")
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  private static TypeName classOf(ClassName type) {
    return ParameterizedTypeName.get(ClassName.get(Class.class), type);
  }

  private static MethodSpec getter(String name, TypeName returns, CodeBlock value) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(returns)
        .addStatement("return $L", value)
        .build();
  }
}
