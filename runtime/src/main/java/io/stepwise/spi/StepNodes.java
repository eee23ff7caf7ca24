package io.stepwise.spi;

import io.stepwise.graph.RetrySettings;
import io.stepwise.graph.StepNode;
import io.stepwise.graph.TypeTag;
import java.util.Comparator;
import java.util.List;

/**
 * The steps of a workflow's graph, derived from its step table: generated code builds its
 * {@code GRAPH} from {@code STEPS} with {@link #of}, so each step is stated once.
 */
public final class StepNodes {
  private StepNodes() {}

  /** One node per step, sorted by name as graphs list them. */
  public static List<StepNode> of(List<StepDescriptor> steps) {
    return steps.stream()
        .map(step -> new StepNode(step.name(), step.workers(), retry(step.retry()), step.timeout(), step.isJoin()))
        .sorted(Comparator.comparing(StepNode::name))
        .toList();
  }

  // One attempt in total: the other @Retry settings can never apply, so the graph shows none.
  private static RetrySettings retry(AnnotatedRetry retry) {
    if (retry.maxAttempts() == 1) {
      return RetrySettings.NONE;
    }
    return new RetrySettings(retry.maxAttempts(), retry.delay(), retry.backoff(), retry.maxDelay(), retry.jitter(),
        retry.on().stream().map(TypeTag::of).toList(), retry.notOn().stream().map(TypeTag::of).toList());
  }
}
