package io.stepwise.processor.codegen;

import io.stepwise.processor.model.EventType;
import io.stepwise.processor.model.StepModel;
import io.stepwise.processor.model.StepParam;
import io.stepwise.processor.model.WorkflowModel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * The graph hash snapshots carry, computed at compile time from the same facts and in the same text
 * as the runtime's {@code io.stepwise.spi.GraphHash}: change both together.
 */
final class GraphHashGenerator {
  private GraphHashGenerator() {}

  static String hash(WorkflowModel workflow) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical(workflow).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  static String canonical(WorkflowModel workflow) {
    var text = new StringBuilder();
    var fanOuts = StepsGenerator.fanOuts(workflow);
    for (StepModel step : workflow.steps()) {
      text.append("step ").append(step.index()).append(' ').append(step.name()).append('\n');
      for (StepParam.EventParam input : step.eventParams()) {
        text.append(" in ").append(input.declared().canonicalName()).append(' ').append(tags(input.accepted()));
        if (input.batch()) {
          text.append(" batch ").append(fanOuts.get(step));
        }
        text.append('\n');
      }
      text.append(" out ").append(tags(step.descriptorProduces())).append('\n');
      text.append(" await ").append(tags(step.awaited())).append('\n');
    }
    return text.toString();
  }

  private static String tags(List<EventType> types) {
    var sorted = new TreeSet<String>();
    types.forEach(type -> sorted.add(type.canonicalName()));
    return String.join(",", sorted);
  }
}
