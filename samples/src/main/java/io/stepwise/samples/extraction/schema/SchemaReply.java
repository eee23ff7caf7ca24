package io.stepwise.samples.extraction.schema;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the JSON Schema a model wrapped in {@code <schema>...</schema>} tags. */
public final class SchemaReply {
  // Greedy across lines, like the notebook: a schema's descriptions may mention "<schema>" too.
  private static final Pattern TAGGED = Pattern.compile("<schema>([\\s\\S]*)</schema>");

  private SchemaReply() {}

  /**
   * The text between the first {@code <schema>} and the last {@code </schema>}, stripped.
   *
   * @throws InvalidSchemaException when the reply has no such block, or an empty one
   */
  public static String schemaText(String reply) {
    Matcher matcher = TAGGED.matcher(reply);
    if (!matcher.find()) {
      throw new InvalidSchemaException(List.of(
          "The reply has no <schema>...</schema> block: wrap the JSON Schema in <schema> and </schema> tags."));
    }
    String text = matcher.group(1).strip();
    if (text.isEmpty()) {
      throw new InvalidSchemaException(List.of("The <schema> block is empty: put the JSON Schema between the tags."));
    }
    return text;
  }
}
