package io.stepwise.agents;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** What a tool call sees: its arguments, the run's shared state, and a way to ask a person. */
public interface ToolInput {
  /** The agent that called the tool. */
  String agent();

  /** The model's id of this call. */
  String callId();

  /** The arguments as the model wrote them, a JSON object. */
  String argumentsJson();

  /**
   * The arguments, read from the JSON: strings, {@link BigDecimal} numbers, booleans, null, and
   * nested {@code List}s and {@code Map}s.
   */
  Map<String, Object> arguments();

  /**
   * A string argument.
   *
   * @throws IllegalArgumentException when it is missing or not a string (the model reads the message)
   */
  String string(String name);

  /**
   * A number argument.
   *
   * @throws IllegalArgumentException when it is missing or not a number (the model reads the message)
   */
  BigDecimal number(String name);

  /** The run's shared state, read and written by every agent's tools; kept in snapshots. */
  SharedState state();

  /**
   * Asks a person and blocks until the answer: publishes a {@link ToolInputRequired} on the run's
   * stream, and returns the {@link ToolInputResponse#answer()} sent for this call through the
   * handler. The run can be snapshotted and resumed meanwhile: the tool calls of this model turn
   * then run again from the start and ask again, and an answer sent right after the resume is
   * kept for that question.
   */
  String ask(String question);

  /** A view of the run's shared state. */
  interface SharedState {
    /** The value of {@code key}, if set. */
    Optional<String> get(String key);

    /** Sets {@code key}; the change is in the run's state at once. */
    void put(String key, String value);
  }
}
