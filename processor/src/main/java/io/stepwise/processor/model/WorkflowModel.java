package io.stepwise.processor.model;

import io.stepwise.annotations.GraphCheck;
import com.palantir.javapoet.ClassName;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;

/**
 * One {@code @Workflow} class as read from the source.
 *
 * @param type the user's class
 * @param name the workflow's name ({@code @Workflow(name)} or the simple class name)
 * @param source the class; only validation uses it, to place diagnostics
 * @param timeout the run timeout, {@link Duration#ZERO} for none
 * @param steps in declaration order, {@code steps.get(i).index() == i}
 * @param state the state type, or null when no step names one
 * @param providers the {@code @Provides} methods in declaration order,
 *     {@code providers.get(i).index() == i}
 * @param numConcurrentRuns {@code @Workflow(numConcurrentRuns)}, 0 for no limit
 */
public record WorkflowModel(
    ClassName type, String name, Element source, Duration timeout, Set<GraphCheck> skips, List<StepModel> steps,
    StateSpec state, List<ProviderModel> providers, int numConcurrentRuns) {

  public WorkflowModel {
    skips = Set.copyOf(skips);
    steps = List.copyOf(steps);
    providers = List.copyOf(providers);
  }

  /** A workflow without a limit on concurrent runs. */
  public WorkflowModel(
      ClassName type, String name, Element source, Duration timeout, Set<GraphCheck> skips, List<StepModel> steps,
      StateSpec state, List<ProviderModel> providers) {
    this(type, name, source, timeout, skips, steps, state, providers, 0);
  }

  /** A workflow without providers. */
  public WorkflowModel(
      ClassName type, String name, Element source, Duration timeout, Set<GraphCheck> skips, List<StepModel> steps,
      StateSpec state) {
    this(type, name, source, timeout, skips, steps, state, List.of());
  }

  /** How many providers are cached: the size of the generated resource cache. */
  public int cachedResources() {
    return (int) providers.stream().filter(ProviderModel::cached).count();
  }

  /** {@code Foo_Workflow}, or {@code Outer_Foo_Workflow} for a nested class, in the same package. */
  public ClassName generatedName() {
    return ClassName.get(type.packageName(), String.join("_", type.simpleNames()) + "_Workflow");
  }

  /** {@code Foo_Codecs} beside {@code Foo_Workflow}: the workflow's JSON codecs. */
  public ClassName codecsName() {
    return ClassName.get(type.packageName(), String.join("_", type.simpleNames()) + "_Codecs");
  }

  public boolean skips(GraphCheck check) {
    return skips.contains(check);
  }

  /** Whether the graph is fully known, so rules that conclude "nothing does X" may run. */
  public boolean isComplete() {
    return steps.stream().allMatch(StepModel::complete);
  }
}
