package io.stepwise.server;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The questions a run had published before it was resumed. A resumed run asks the question of a
 * wait that was still open again (docs/durability.md), which its clients have already seen, under
 * its number: while the resumed run's stream begins with such questions, they are dropped, each
 * stored question once, so the run's events read as if it had stayed in memory.
 */
final class AskedBefore {
  private final Map<String, Integer> questions;
  private boolean atHead = true;

  AskedBefore(List<String> questionJson) {
    this.questions = new HashMap<>();
    for (String json : questionJson) {
      questions.merge(json, 1, Integer::sum);
    }
  }

  /** The input-required events among a run's stored events. */
  static AskedBefore of(List<HandlerStore.StoredEvent> stored) {
    return new AskedBefore(stored.stream().map(HandlerStore.StoredEvent::envelopeJson)
        .filter(json -> isQuestion(JsonTree.asObject(JsonTree.parse(json)))).toList());
  }

  private static boolean isQuestion(Map<String, Object> envelope) {
    return envelope.get("types") instanceof List<?> types && types.contains("InputRequiredEvent");
  }

  /** Whether the resumed run's next event is a question asked again, to drop; called in stream order. */
  boolean again(String json, Map<String, Object> envelope) {
    if (!atHead || EventEnvelopes.isInternal(envelope)) {
      return false;
    }
    Integer left = isQuestion(envelope) ? questions.get(json) : null;
    if (left == null) {
      atHead = false;
      return false;
    }
    if (left == 1) {
      questions.remove(json);
    } else {
      questions.put(json, left - 1);
    }
    return true;
  }
}
