package io.stepwise.processor.codegen;

import static io.stepwise.processor.codegen.RuntimeTypes.BATCH;
import static io.stepwise.processor.codegen.RuntimeTypes.CONTEXT;
import static io.stepwise.processor.codegen.RuntimeTypes.EVENT;
import static io.stepwise.processor.codegen.RuntimeTypes.RESOURCE_CACHE;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.WildcardTypeName;
import io.stepwise.processor.model.ReturnShape;
import io.stepwise.processor.model.StepModel;
import io.stepwise.processor.model.StepParam;
import io.stepwise.processor.model.WorkflowModel;
import javax.lang.model.element.Modifier;

/**
 * {@code invoke}: a switch on the step index that calls the step method directly, the
 * reflection-free dispatch that keeps native images configuration-free.
 */
final class DispatchGenerator {
  private DispatchGenerator() {}

  static MethodSpec invoke(WorkflowModel workflow) {
    var method = MethodSpec.methodBuilder("invoke")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(Object.class)
        .addParameter(workflow.type(), "target")
        .addParameter(int.class, "step")
        .addParameter(ArrayTypeName.of(EVENT), "events")
        .addParameter(ParameterizedTypeName.get(CONTEXT, WildcardTypeName.subtypeOf(Object.class)), "context")
        .addParameter(RESOURCE_CACHE, "resources")
        .addException(Exception.class);
    if (workflow.steps().stream().anyMatch(DispatchGenerator::needsUncheckedCast)) {
      // Context<State> and generic events cannot be checked at run time; the graph proof covers them.
      method.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
          .addMember("value", "$S", "unchecked")
          .build());
    }
    var body = CodeBlock.builder().add("return switch (step) {\n$>");
    for (StepModel step : workflow.steps()) {
      CodeBlock call = CodeBlock.of("target.$L($L)", step.name(), arguments(workflow, step));
      if (step.signature().shape() == ReturnShape.VOID && !step.signature().async()) {
        body.add("case $L -> {\n$>$L;\nyield null;\n$<}\n", step.index(), call);
      } else {
        body.add("case $L -> $L;\n", step.index(), call);
      }
    }
    body.add("default -> throw new $T($S + step);\n$<};\n",
        IllegalArgumentException.class, workflow.name() + " has no step #");
    return method.addCode(body.build()).build();
  }

  private static CodeBlock arguments(WorkflowModel workflow, StepModel step) {
    return step.params().stream().map(param -> switch (param) {
      case StepParam.EventParam event when event.batch() -> CodeBlock.of("$T.of(events)", BATCH);
      case StepParam.EventParam event -> event.declaredType().equals(EVENT)
          ? CodeBlock.of("events[$L]", event.ordinal())
          : CodeBlock.of("($T) events[$L]", event.declaredType(), event.ordinal());
      case StepParam.ContextParam context -> context.needsCast()
          ? CodeBlock.of("($T) context", context.declaredType())
          : CodeBlock.of("context");
      case StepParam.ResourceParam resource -> ResourcesGenerator.call(workflow.providers().get(resource.provider()));
    }).collect(CodeBlock.joining(",$W"));
  }

  private static boolean needsUncheckedCast(StepModel step) {
    return step.params().stream().anyMatch(param -> switch (param) {
      case StepParam.EventParam event -> !event.batch() && event.declaredType() instanceof ParameterizedTypeName;
      case StepParam.ContextParam context -> context.needsCast();
      case StepParam.ResourceParam resource -> false;
    });
  }
}
