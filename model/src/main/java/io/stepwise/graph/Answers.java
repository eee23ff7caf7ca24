package io.stepwise.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * The links renderers draw from each input-required event to each human-response event: the
 * caller answers a question with a response, so a review loop (ask, answer, revise, ask again)
 * is drawn as the loop it is. The graph does not say which answer goes with which question, so
 * every pair is linked; in most workflows there is one of each.
 */
public final class Answers {
  private Answers() {}

  /** One question and one response that may answer it. */
  public record Answer(EventNode question, EventNode response) {}

  /** In the graph's event order: by question, then by response. */
  public static List<Answer> of(WorkflowGraph graph) {
    var answers = new ArrayList<Answer>();
    for (EventNode question : graph.events()) {
      if (question.kind() != EventKind.INPUT_REQUIRED) {
        continue;
      }
      for (EventNode response : graph.events()) {
        if (response.kind() == EventKind.HUMAN_RESPONSE) {
          answers.add(new Answer(question, response));
        }
      }
    }
    return answers;
  }
}
