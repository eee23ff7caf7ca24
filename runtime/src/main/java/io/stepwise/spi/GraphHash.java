package io.stepwise.spi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * The fingerprint of a workflow's graph that snapshots carry: steps in dispatch order, their inputs
 * (a fan-in's with the step that counts its batches), what they produce and await, by type tag. Retry, timeout and worker settings are left out, so
 * tuning them keeps old snapshots valid. The processor computes the same text at compile time
 * ({@link WorkflowDefinition#graphHash()}); change both together.
 */
public final class GraphHash {
  private GraphHash() {}

  /** The first 16 hex digits of the SHA-256 of {@link #canonical(List)}. */
  public static String of(List<StepDescriptor> steps) {
    return digest(canonical(steps));
  }

  /** One line per step, input, output set and awaited set, in a fixed order. */
  public static String canonical(List<StepDescriptor> steps) {
    var text = new StringBuilder();
    for (StepDescriptor step : steps) {
      text.append("step ").append(step.index()).append(' ').append(step.name()).append('\n');
      for (EventInput input : step.inputs()) {
        text.append(" in ").append(tag(input.declared())).append(' ').append(tags(input.accepted()));
        if (input.isBatch()) { // a fan-in's List<E> is not its E: a snapshot of one must not resume the other
          text.append(" batch ").append(input.fanOut());
        }
        text.append('\n');
      }
      text.append(" out ").append(tags(step.produces())).append('\n');
      text.append(" await ").append(tags(step.awaited())).append('\n');
    }
    return text.toString();
  }

  /** The hash of a canonical text, as {@link #of(List)} computes it. */
  public static String digest(String canonical) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static String tags(Collection<? extends Class<?>> types) {
    var sorted = new TreeSet<String>();
    types.forEach(type -> sorted.add(tag(type)));
    return String.join(",", sorted);
  }

  private static String tag(Class<?> type) {
    String canonical = type.getCanonicalName();
    return canonical == null ? type.getName() : canonical;
  }
}
