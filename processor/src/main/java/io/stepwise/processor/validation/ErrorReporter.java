package io.stepwise.processor.validation;

import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports errors and keeps counting, so a user sees every mistake of a compilation at once while
 * the processor can still tell whether a workflow is clean enough to generate code for.
 */
public final class ErrorReporter {
  private final Messager messager;
  private int count;

  public ErrorReporter(Messager messager) {
    this.messager = messager;
  }

  public void error(Element element, String message) {
    count++;
    messager.printMessage(Diagnostic.Kind.ERROR, message, element);
  }

  public void report(Finding finding) {
    error(finding.target(), finding.message());
  }

  /** Errors reported so far; compare before and after a workflow to see whether it had any. */
  public int count() {
    return count;
  }
}
