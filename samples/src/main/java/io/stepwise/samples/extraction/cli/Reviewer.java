package io.stepwise.samples.extraction.cli;

import io.stepwise.samples.extraction.ExtractionEvents.ProposedSchema;
import io.stepwise.samples.extraction.ExtractionEvents.SchemaReview;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;

/** Who answers a proposed schema in a live run: the person at the terminal, or an answer given in advance. */
@FunctionalInterface
public interface Reviewer {
  /** The answer to {@code proposal}, or empty when there is none to give (standard input ended). */
  Optional<SchemaReview> review(ProposedSchema proposal, PrintStream out);

  /** Approves every proposal without asking, saying so on {@code out}. */
  static Reviewer approveAll() {
    return (proposal, out) -> {
      out.println("Approve? [y / feedback]: y   (--approve)");
      return Optional.of(SchemaReview.approve());
    };
  }

  /**
   * Asks on {@code out} and reads the answer from {@code in}: {@code y} or {@code yes} approves,
   * any other text is feedback, a blank line asks again.
   */
  static Reviewer terminal(BufferedReader in) {
    return (proposal, out) -> {
      while (true) {
        out.print("Approve? [y / feedback]: ");
        out.flush();
        String line;
        try {
          line = in.readLine();
        } catch (IOException e) {
          throw new UncheckedIOException("could not read the answer from standard input", e);
        }
        if (line == null) {
          out.println();
          return Optional.empty();
        }
        Optional<SchemaReview> review = answer(line);
        if (review.isPresent()) {
          return review;
        }
      }
    };
  }

  /** Gives {@code answers} in order, echoing each as if typed; then has none. */
  static Reviewer scripted(List<String> answers) {
    Queue<String> left = new ArrayDeque<>(answers);
    return (proposal, out) -> {
      String answer = left.poll();
      if (answer == null) {
        return Optional.empty();
      }
      out.println("Approve? [y / feedback]: " + answer);
      return answer(answer);
    };
  }

  /** What a typed line means: approval, feedback, or nothing (blank). */
  static Optional<SchemaReview> answer(String line) {
    String text = line.strip();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String word = text.toLowerCase(Locale.ROOT);
    return Optional.of(word.equals("y") || word.equals("yes") ? SchemaReview.approve() : SchemaReview.feedback(text));
  }
}
