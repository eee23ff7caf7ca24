package io.stepwise.processor.codegen;

import static io.stepwise.processor.codegen.RuntimeTypes.RESOURCE_CACHE;
import static io.stepwise.processor.codegen.RuntimeTypes.RETRY_POLICY;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.stepwise.processor.model.StepModel;
import io.stepwise.processor.model.WorkflowModel;
import javax.lang.model.element.Modifier;

/**
 * {@code retryPolicy(target, step, resources)} for a workflow whose steps name retry policy objects:
 * a switch over those steps that calls the provider (through its cache slot when cached); the other
 * steps keep their compiled {@code @Retry}, the interface's default.
 */
final class RetryPoliciesGenerator {
  private RetryPoliciesGenerator() {}

  static void addTo(TypeSpec.Builder type, WorkflowModel workflow) {
    var withPolicy = workflow.steps().stream().filter(s -> s.retry().hasPolicy()).toList();
    if (withPolicy.isEmpty()) {
      return;
    }
    var method = MethodSpec.methodBuilder("retryPolicy")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(RETRY_POLICY)
        .addParameter(workflow.type(), "target")
        .addParameter(int.class, "step")
        .addParameter(RESOURCE_CACHE, "resources")
        .addException(Exception.class)
        .addCode("return switch (step) {\n$>");
    for (StepModel step : withPolicy) {
      method.addStatement("case $L -> $L", step.index(),
          ResourcesGenerator.call(workflow.providers().get(step.retry().policyProvider())));
    }
    method.addStatement("default -> STEPS.get(step).retry()");
    method.addCode("$<};\n");
    type.addMethod(method.build());
  }
}
