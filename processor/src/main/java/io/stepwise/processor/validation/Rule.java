package io.stepwise.processor.validation;

/**
 * A check with a stable message id. Every message the rule reports starts with its id, written
 * only in {@link #id()}, so an id cannot drift between a rule's messages.
 */
public interface Rule {
  /** The id every message of this rule starts with, e.g. {@code [Stepwise/DeadEnd]}. */
  String id();

  /** {@code text} as one of this rule's messages: the id, a space, then the text. */
  default String message(String text) {
    return id() + " " + text;
  }
}
