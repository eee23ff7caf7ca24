package io.stepwise.processor.codegen;

import io.stepwise.graph.GraphHash;
import io.stepwise.processor.model.EventType;
import io.stepwise.processor.model.StepModel;
import io.stepwise.processor.model.WorkflowModel;
import java.util.List;

/**
 * The graph hash snapshots carry, computed at compile time by the model module's {@link GraphHash}
 * from the same facts the runtime reads from the generated step descriptors.
 */
final class GraphHashGenerator {
  private GraphHashGenerator() {}

  static String hash(WorkflowModel workflow) {
    var fanOuts = StepsGenerator.fanOuts(workflow);
    return GraphHash.of(workflow.steps().stream().map(step -> hashed(step, fanOuts.getOrDefault(step, -1))).toList());
  }

  private static GraphHash.Step hashed(StepModel step, int fanOut) {
    var inputs = step.eventParams().stream()
        .map(input -> new GraphHash.Input(input.declared().canonicalName(), tags(input.accepted()),
            input.batch() ? fanOut : -1))
        .toList();
    return new GraphHash.Step(step.index(), step.name(), inputs, tags(step.descriptorProduces()), tags(step.awaited()));
  }

  private static List<String> tags(List<EventType> types) {
    return types.stream().map(EventType::canonicalName).toList();
  }
}
