package io.stepwise.processor.codegen;

import static io.stepwise.processor.codegen.RuntimeTypes.CONFIG_FILES;
import static io.stepwise.processor.codegen.RuntimeTypes.RESOURCE_CACHE;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.stepwise.processor.model.ProviderModel;
import io.stepwise.processor.model.WorkflowModel;
import javax.lang.model.element.Modifier;

/**
 * One private method per {@code @Provides} method that calls it with its own resources (so
 * dependencies are created first), through the cache slot when the provider is cached; one per
 * {@code @Config} file that reads it with the workflow's codec, cached; and
 * {@code cachedResources()}, the cache's size.
 */
final class ResourcesGenerator {
  private ResourcesGenerator() {}

  static void addTo(TypeSpec.Builder type, WorkflowModel workflow) {
    if (workflow.providers().isEmpty()) {
      return;
    }
    type.addMethod(MethodSpec.methodBuilder("cachedResources")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(int.class)
        .addStatement("return $L", workflow.cachedResources())
        .build());
    for (ProviderModel provider : workflow.providers()) {
      type.addMethod(provide(workflow, provider));
    }
  }

  /** The expression a step or provider argument uses to obtain {@code provider}'s resource. */
  static CodeBlock call(ProviderModel provider) {
    return CodeBlock.of("$L(target, resources)", methodName(provider));
  }

  private static MethodSpec provide(WorkflowModel workflow, ProviderModel provider) {
    CodeBlock arguments = provider.params().stream()
        .map(p -> call(workflow.providers().get(p.provider())))
        .collect(CodeBlock.joining(", "));
    CodeBlock create = provider.isConfig()
        ? CodeBlock.of("$T.read($T.REGISTRY.config($T.class), $S, $S, $S, $T.class)", CONFIG_FILES,
            workflow.codecsName(), provider.type(), provider.config().file(), provider.config().select(),
            provider.label(), workflow.type())
        : CodeBlock.of("target.$L($L)", provider.method(), arguments);
    var method = MethodSpec.methodBuilder(methodName(provider))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(provider.type())
        .addParameter(workflow.type(), "target")
        .addParameter(RESOURCE_CACHE, "resources")
        .addException(Exception.class);
    if (provider.cached()) {
      method.addStatement("return resources.get($L, $S, () -> $L)", provider.slot(), provider.method(), create);
    } else {
      method.addStatement("return $L", create);
    }
    return method.build();
  }

  // The index keeps overloaded provider names apart.
  private static String methodName(ProviderModel provider) {
    return "provide" + provider.index() + "_" + provider.method();
  }
}
