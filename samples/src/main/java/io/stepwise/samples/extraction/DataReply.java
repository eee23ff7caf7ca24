package io.stepwise.samples.extraction;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Reads the JSON object a model answered an extraction prompt with, and prints JSON for people. */
final class DataReply {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  // Asked for bare JSON, models still often fence it; accepting the fence saves a round trip.
  private static final Pattern FENCED = Pattern.compile("^```[a-zA-Z]*\\s*\\n([\\s\\S]*?)\\n?```$");

  private DataReply() {}

  /**
   * The object in {@code reply}.
   *
   * @throws RejectedReplyException when the reply is not one JSON object
   */
  static JsonNode object(String reply) {
    String text = reply.strip();
    Matcher fenced = FENCED.matcher(text);
    if (fenced.matches()) {
      text = fenced.group(1).strip();
    }
    JsonNode data;
    try {
      data = JSON.readTree(text);
    } catch (JacksonException e) {
      throw new RejectedReplyException(List.of("The reply is not valid JSON: " + e.getOriginalMessage()
          + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
          + "). Answer with the JSON object only."));
    }
    if (data == null || !data.isObject()) {
      throw new RejectedReplyException(List.of("The reply must be one JSON object, but it is "
          + (data == null || data.isMissingNode() ? "empty" : data.getNodeType().toString().toLowerCase(Locale.ROOT)) + "."));
    }
    return data;
  }

  /** {@code node} indented, for a person to read. */
  static String pretty(JsonNode node) {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
  }

  /** The JSON {@code text} holds, which is known to be valid. */
  static JsonNode parse(String text) {
    return JSON.readTree(text);
  }
}
