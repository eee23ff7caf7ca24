package io.stepwise.graph;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * The fingerprint of a workflow's graph that snapshots carry: steps in dispatch order, their inputs
 * (a fan-in's with the step that counts its batches), what they produce and await, by type tag
 * ({@link TypeTag}). Retry, timeout and worker settings are left out, so tuning them keeps old
 * snapshots valid.
 *
 * <p>The one implementation: the processor computes it at build time from its model of the
 * workflow, the runtime from the generated step descriptors; both describe steps as {@link Step}s.
 */
public final class GraphHash {
  private GraphHash() {}

  /**
   * One step as the hash sees it.
   *
   * @param index the step's position in the dispatch table
   * @param produces type tags of the events it may emit, in any order
   * @param awaited type tags of the events it waits for inside its body, in any order
   */
  public record Step(int index, String name, List<Input> inputs, Collection<String> produces,
      Collection<String> awaited) {
    public Step {
      inputs = List.copyOf(inputs);
      produces = List.copyOf(produces);
      awaited = List.copyOf(awaited);
    }
  }

  /**
   * One event parameter of a step.
   *
   * @param declared the parameter's type tag
   * @param accepted type tags of the events routed to it, in any order
   * @param fanOut for a fan-in ({@code List<E>}), the index of the step whose lists count its
   *     batches; -1 for a plain event parameter
   */
  public record Input(String declared, Collection<String> accepted, int fanOut) {
    public Input {
      accepted = List.copyOf(accepted);
    }
  }

  /** The first 16 hex digits of the SHA-256 of {@link #canonical(List)}. */
  public static String of(List<Step> steps) {
    return digest(canonical(steps));
  }

  /** One line per step, input, output set and awaited set, in a fixed order. */
  public static String canonical(List<Step> steps) {
    var text = new StringBuilder();
    for (Step step : steps) {
      text.append("step ").append(step.index()).append(' ').append(step.name()).append('\n');
      for (Input input : step.inputs()) {
        text.append(" in ").append(input.declared()).append(' ').append(sorted(input.accepted()));
        if (input.fanOut() >= 0) { // a fan-in's List<E> is not its E: a snapshot of one must not resume the other
          text.append(" batch ").append(input.fanOut());
        }
        text.append('\n');
      }
      text.append(" out ").append(sorted(step.produces())).append('\n');
      text.append(" await ").append(sorted(step.awaited())).append('\n');
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

  private static String sorted(Collection<String> tags) {
    return String.join(",", new TreeSet<>(tags));
  }
}
