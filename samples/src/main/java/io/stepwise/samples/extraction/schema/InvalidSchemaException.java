package io.stepwise.samples.extraction.schema;

import java.util.List;

/** A model's reply did not hold a usable JSON Schema; {@link #problems()} lists why, one line each. */
public final class InvalidSchemaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // List.copyOf returns a serializable list
  private final List<String> problems;

  public InvalidSchemaException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  /** What is wrong, one readable line per problem, in the order found. */
  public List<String> problems() {
    return problems;
  }
}
