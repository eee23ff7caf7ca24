package io.stepwise.samples.extraction;

import java.util.List;

/** A model's reply failed a check; {@link #problems()} goes back to the model so it can correct itself. */
final class RejectedReplyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // List.copyOf returns a serializable list
  private final List<String> problems;

  RejectedReplyException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  /** What is wrong with the reply, one readable line each. */
  List<String> problems() {
    return problems;
  }
}
