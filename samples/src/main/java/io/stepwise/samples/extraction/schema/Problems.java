package io.stepwise.samples.extraction.schema;

import com.networknt.schema.Error;

/** Turns a validator error into one readable line naming where it was found. */
final class Problems {
  private Problems() {}

  static String describe(Error error) {
    String location = error.getInstanceLocation().toString();
    String where = location.isEmpty() ? "(root)" : location;
    String message = error.getMessage();
    // The validator's messages start with the location already; say it once.
    return message.startsWith(where) ? message : where + ": " + message;
  }
}
