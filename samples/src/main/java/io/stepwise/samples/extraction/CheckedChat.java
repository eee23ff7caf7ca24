package io.stepwise.samples.extraction;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One conversation with the model that ends in a reply passing a check: when a reply fails, the
 * model sees its own reply and the problems ("Error: ... Please try again.", as in the notebook)
 * and answers again, up to a bound; then the conversation fails with the last problems.
 */
final class CheckedChat {
  private CheckedChat() {}

  /** Turns a reply into a value, or throws {@link RejectedReplyException} saying what is wrong. */
  @FunctionalInterface
  interface ReplyCheck<T> {
    T check(String reply);
  }

  /**
   * A value that passed the check.
   *
   * @param value what the check made of the accepted reply
   * @param attempts how many replies were checked, the accepted one included
   */
  record Accepted<T>(T value, int attempts) {}

  /**
   * Asks {@code prompt} and checks each reply, at most {@code maxAttempts} times.
   *
   * @param what what the reply should hold, for messages, e.g. "schema"
   * @param progress receives one line per attempt and per rejection
   * @throws ExtractionFailedException when the last allowed reply fails the check too
   */
  static <T> Accepted<T> ask(ChatModel model, String prompt, int maxAttempts, String what, ReplyCheck<T> check,
      Consumer<String> progress) {
    List<ChatMessage> conversation = new ArrayList<>();
    conversation.add(UserMessage.from(prompt));
    for (int attempt = 1; ; attempt++) {
      String reply = model.chat(conversation).aiMessage().text();
      progress.accept("Checking the " + what + " in the model's reply (attempt " + attempt + " of " + maxAttempts + ")");
      try {
        return new Accepted<>(check.check(reply == null ? "" : reply), attempt);
      } catch (RejectedReplyException rejected) {
        if (attempt == maxAttempts) {
          throw new ExtractionFailedException("The model gave no valid " + what + " in " + maxAttempts
              + " attempts. The last reply failed with:\n" + bullets(rejected.problems())
              + "\nTry a clearer prompt, or a stronger model (OPENAI_MODEL).", rejected);
        }
        progress.accept("The " + what + " failed the checks:\n" + bullets(rejected.problems()) + "\nTrying again...");
        conversation.add(AiMessage.from(reply == null ? "" : reply));
        conversation.add(UserMessage.from(ExtractionPrompts.tryAgain(rejected.problems())));
      }
    }
  }

  private static String bullets(List<String> problems) {
    return String.join("\n", problems.stream().map(p -> "  - " + p).toList());
  }
}
