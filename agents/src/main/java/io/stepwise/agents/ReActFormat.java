package io.stepwise.agents;

import dev.langchain4j.agent.tool.ToolSpecification;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ReAct prompt, and the parser of the model's Thought/Action/Answer replies. */
final class ReActFormat {
  static final String OBSERVATION = "Observation:";

  private static final Pattern ACTION = Pattern.compile(
      "^\\s*Action:\\s*(.+?)\\s*$\\s*^\\s*Action Input:\\s*(.*)", Pattern.MULTILINE | Pattern.DOTALL);
  private static final Pattern ANSWER = Pattern.compile("^\\s*Answer:\\s*(.*)", Pattern.MULTILINE | Pattern.DOTALL);
  private static final Pattern THOUGHT = Pattern.compile("^\\s*Thought:", Pattern.MULTILINE);

  private ReActFormat() {}

  static String systemPrompt(String instructions, List<ToolSpecification> tools) {
    StringBuilder prompt = new StringBuilder();
    if (!instructions.isBlank()) {
      prompt.append(instructions).append("\n\n");
    }
    prompt.append("You answer the user's request. You have these tools:\n");
    for (ToolSpecification tool : tools) {
      prompt.append("> ").append(tool.name()).append(": ").append(tool.description())
          .append("\n  arguments (JSON Schema): ").append(tool.parameters() == null ? "{}" : tool.parameters())
          .append('\n');
    }
    prompt.append("""

        To use a tool, reply in exactly this format and stop:
        Thought: what you need to do next
        Action: the tool's name
        Action Input: the arguments as one JSON object, e.g. {"a": 1}

        You will then get a message starting with "Observation:" holding the tool's result.
        When you can answer without more tools, reply:
        Thought: I can answer without using any more tools.
        Answer: your answer to the user
        """);
    return prompt.toString();
  }

  /**
   * Reads one reply. {@code Action:} before {@code Answer:} is a call; {@code Answer:} is the answer;
   * text with neither and no {@code Thought:} is taken as the answer (as LlamaIndex's parser does);
   * anything else cannot be understood.
   *
   * @param round a number that makes the made-up call id unique in the run's memory
   */
  static ModelTurn parse(String reply, int round) {
    Matcher action = ACTION.matcher(reply);
    Matcher answer = ANSWER.matcher(reply);
    boolean hasAction = action.find();
    boolean hasAnswer = answer.find();
    if (hasAction && (!hasAnswer || action.start() < answer.start())) {
      String input = stripFence(firstJsonObject(action.group(2)));
      return ModelTurn.calls(reply, List.of(new RequestedCall("react-" + round, action.group(1).trim(), input)));
    }
    if (hasAnswer) {
      return ModelTurn.answer(reply, answer.group(1).trim());
    }
    if (!THOUGHT.matcher(reply).find() && !reply.isBlank()) {
      return ModelTurn.answer(reply, reply.trim());
    }
    return ModelTurn.unreadable(reply, "Could not read the reply: expected 'Action:' with 'Action Input:',"
        + " or 'Answer:'. Reply again in the format of the instructions.");
  }

  /**
   * An assistant message as ReAct text: its own text, or, for a message of a function-calling
   * agent that handed off to this one (tool calls, no text), the calls written as actions.
   */
  static String asText(AgentMessage message) {
    if (!message.text().isBlank() || message.toolCalls().isEmpty()) {
      return message.text();
    }
    StringBuilder text = new StringBuilder();
    for (RequestedCall call : message.toolCalls()) {
      text.append("Action: ").append(call.name()).append("\nAction Input: ").append(call.arguments()).append('\n');
    }
    return text.toString().strip();
  }

  /** The Action Input up to the end of its JSON object (models sometimes go on with an Observation). */
  private static String firstJsonObject(String text) {
    String trimmed = stripFence(text.trim());
    if (!trimmed.startsWith("{")) {
      int newline = trimmed.indexOf('\n');
      return newline < 0 ? trimmed : trimmed.substring(0, newline).trim();
    }
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return trimmed.substring(0, i + 1);
      }
    }
    return trimmed;
  }

  private static String stripFence(String text) {
    String t = text.trim();
    if (t.startsWith("```")) {
      t = t.replaceFirst("^```[a-zA-Z]*\\s*", "");
      int end = t.indexOf("```");
      t = end < 0 ? t : t.substring(0, end);
    }
    return t.trim();
  }
}
