package io.stepwise.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * The workflow's state type, as its steps' {@code Context<S>} name it.
 *
 * @param type the state class, created with its no-arg constructor
 * @param copyFields the instance fields the generated copy assigns, or null when the type cannot
 *     be copied field by field (a record, or a field the generated code cannot reach)
 */
public record StateSpec(ClassName type, List<String> copyFields) {
  public StateSpec {
    copyFields = copyFields == null ? null : List.copyOf(copyFields);
  }

  public boolean copyable() {
    return copyFields != null;
  }
}
