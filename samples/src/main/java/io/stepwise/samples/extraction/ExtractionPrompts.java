package io.stepwise.samples.extraction;

import io.stepwise.samples.llm.ScriptedChatModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The iterative extraction's prompts, ported from the notebook, and the script that answers them
 * offline for the shipped invoice: a first schema, a second one after feedback, and the data.
 */
public final class ExtractionPrompts {
  /** The phrase that marks a schema proposal; the script keys on it. */
  static final String PROPOSE = "output a JSON schema that will be used to extract the data from the file";

  /** The phrase that marks an extraction; the script keys on it. */
  static final String EXTRACT = "Extract the data from the file above as JSON that conforms to the JSON schema";

  private ExtractionPrompts() {}

  /**
   * The notebook's schema prompt. {@code pastAttempt} carries the previous schema and the
   * person's feedback on it, so the next proposal can take them into account.
   */
  public static String proposeSchema(String fileContent, String prompt, Optional<PastAttempt> pastAttempt) {
    String past = pastAttempt.map(p -> "\n<past_attempt>\n<feedback>" + p.feedback() + "</feedback>\n<schema>"
        + p.schema() + "</schema>\n</past_attempt>\n").orElse("");
    return "<file>\n" + fileContent + "\n</file>\n\n<user_prompt>\n" + prompt + "\n</user_prompt>\n" + past + "\n"
        + "Given the file content above, and the user prompt, " + PROPOSE + ".\n\n"
        + "Your JSON schema should have a root node with \"type\": \"object\" and fields inside \"properties\".\n\n"
        + "Wrap your schema in <schema>...</schema> tags.\n";
  }

  /** What goes back to the model when its reply failed a check, as in the notebook. */
  public static String tryAgain(List<String> problems) {
    return "Error: " + String.join("\n", problems) + "\n\nPlease try again.";
  }

  /** The extraction prompt: the document, the approved schema, and JSON only in the answer. */
  public static String extract(String fileContent, String schema) {
    return "<file>\n" + fileContent + "\n</file>\n\n<schema>\n" + schema + "\n</schema>\n\n"
        + EXTRACT + " above. Answer with the JSON object only, no prose and no code fence. "
        + "Use null for a value the file does not give.\n";
  }

  /**
   * A model that answers the prompts for the shipped invoice: the first proposal is flat, any
   * proposal with feedback adds the line items, and extraction fills whichever schema it gets.
   */
  public static ScriptedChatModel script() {
    return ScriptedChatModel.builder()
        // Order matters, first match wins: a proposal with feedback also contains PROPOSE, and
        // only the extraction prompt of the second schema contains its line items.
        .when("<past_attempt>", resource("schema-v2.txt"))
        .when("\"line_items\"", resource("data-v2.txt"))
        .when(PROPOSE, resource("schema-v1.txt"))
        .when(EXTRACT, resource("data-v1.txt"))
        .build();
  }

  static String resource(String name) {
    String path = "/scripted/extraction/" + name;
    try (InputStream in = ExtractionPrompts.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("the samples jar lacks " + path + "; rebuild it");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A previous proposal and what the person said about it.
   *
   * @param schema the proposed schema, as JSON text
   * @param feedback the person's feedback
   */
  public record PastAttempt(String schema, String feedback) {}
}
