package io.stepwise.internal.loop;

import io.stepwise.RestoredException;

/** The class name a snapshot keeps of an exception; a restored one keeps its original's. */
final class ErrorNames {
  private ErrorNames() {}

  static String typeOf(Throwable error) {
    return error instanceof RestoredException restored ? restored.originalType() : error.getClass().getName();
  }
}
