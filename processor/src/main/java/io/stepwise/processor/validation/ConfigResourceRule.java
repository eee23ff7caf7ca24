package io.stepwise.processor.validation;

import java.util.Optional;

/**
 * {@code [Stepwise/ConfigResource]}: a {@code @Config} parameter names a JSON file, an optional
 * dotted path into it, and a record or class the generated codec reads the file into.
 */
public final class ConfigResourceRule implements Rule {
  @Override
  public String id() {
    return "[Stepwise/ConfigResource]";
  }

  /**
   * @param owner {@code Step 'x'} or {@code Provider 'y'}
   * @param readable whether the parameter's type is a record or a class
   */
  public Optional<String> check(String owner, String param, String file, String select, String typeLabel,
      boolean readable) {
    String subject = owner + " parameter '" + param + "'";
    if (file.isBlank()) {
      return Optional.of(message(subject + " has @Config(\"\"), which names no file. Name the JSON file to read."));
    }
    if (!select.isEmpty() && !select.matches("[^.]+(\\.[^.]+)*")) {
      return Optional.of(message(subject + " has select = \"" + select + "\", which is not a dotted path of fields."
          + " Write it as \"section\" or \"section.subsection\"."));
    }
    if (!readable) {
      return Optional.of(message(subject + " has type " + typeLabel + ", which is not a record or class; a config"
          + " file is read into one. Declare a record with the file's fields."));
    }
    return Optional.empty();
  }
}
