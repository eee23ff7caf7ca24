package io.stepwise.processor;

import io.stepwise.processor.validation.ErrorReporter;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.ExecutableType;

/**
 * One step being read, and what the element rules found about it so far: an error makes the step
 * invalid (no graph rule judges it), a "lost" error also incomplete (part of its graph could not
 * be read, so rules about what is absent must not run).
 */
final class StepReading {
  final ExecutableElement method;
  /** The method's type as a member of the workflow class. */
  final ExecutableType type;
  /** {@code Step 'x'}, as messages name it. */
  final String step;
  private final ErrorReporter reporter;
  boolean valid = true;
  boolean complete = true;

  StepReading(ExecutableElement method, ExecutableType type, ErrorReporter reporter) {
    this.method = method;
    this.type = type;
    this.step = "Step '" + method.getSimpleName() + "'";
    this.reporter = reporter;
  }

  void error(String message) {
    valid = false;
    reporter.error(method, message);
  }

  void lost(String message) {
    complete = false;
    error(message);
  }

  void errors(List<String> messages) {
    messages.forEach(this::error);
  }
}
