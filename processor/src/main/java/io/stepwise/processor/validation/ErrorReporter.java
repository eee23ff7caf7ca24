package io.stepwise.processor.validation;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports errors and keeps counting, so a user sees every mistake of a compilation at once while
 * the processor can still tell whether a workflow is clean enough to generate code for.
 *
 * <p>While a workflow is read its diagnostics are held back: a workflow that turns out to use a
 * type not generated yet is read again in a later round, and what it reported the first time is
 * dropped rather than shown twice (or shown about a type that does exist by the end).
 */
public final class ErrorReporter {
  private final Messager messager;
  private int count;
  private List<Pending> held;

  private record Pending(Diagnostic.Kind kind, Element element, String message) {}

  public ErrorReporter(Messager messager) {
    this.messager = messager;
  }

  public void error(Element element, String message) {
    count++;
    print(new Pending(Diagnostic.Kind.ERROR, element, message));
  }

  public void warning(Element element, String message) {
    print(new Pending(Diagnostic.Kind.WARNING, element, message));
  }

  public void report(Finding finding) {
    error(finding.target(), finding.message());
  }

  /** Errors reported so far (held ones included); compare before and after a workflow to see whether it had any. */
  public int count() {
    return count;
  }

  /** Holds diagnostics back until {@link #release()} or {@link #discard()}. */
  public void hold() {
    held = new ArrayList<>();
  }

  /** Prints the held diagnostics, in the order they were reported. */
  public void release() {
    var pending = held;
    held = null;
    if (pending != null) {
      pending.forEach(this::print);
    }
  }

  /** Forgets the held diagnostics, and the errors among them. */
  public void discard() {
    if (held != null) {
      count -= (int) held.stream().filter(p -> p.kind() == Diagnostic.Kind.ERROR).count();
      held = null;
    }
  }

  private void print(Pending diagnostic) {
    if (held != null) {
      held.add(diagnostic);
    } else {
      messager.printMessage(diagnostic.kind(), diagnostic.message(), diagnostic.element());
    }
  }
}
