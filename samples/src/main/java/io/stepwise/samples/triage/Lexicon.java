package io.stepwise.samples.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Word lists that stand in for a model in the offline triage sample: deterministic and explainable. */
public final class Lexicon {
  private static final Map<String, Integer> SENTIMENT = Map.ofEntries(
      Map.entry("terrible", -2), Map.entry("awful", -2), Map.entry("unacceptable", -2),
      Map.entry("angry", -2), Map.entry("lost", -1), Map.entry("again", -1), Map.entry("broken", -1),
      Map.entry("slow", -1), Map.entry("thanks", 1), Map.entry("please", 1), Map.entry("love", 2),
      Map.entry("great", 2));

  // topic -> words that signal it; TreeMap keeps the output sorted.
  private static final Map<String, List<String>> TOPICS = new TreeMap<>(Map.of(
      "billing", List.of("invoice", "refund", "charged", "payment"),
      "login", List.of("password", "login", "sign in", "2fa"),
      "crash", List.of("crash", "crashes", "freezes"),
      "outage", List.of("down", "outage", "unreachable")));

  // Most urgent first: a ticket about several topics goes to the team of the most urgent one.
  private static final List<String> URGENCY = List.of("outage", "crash", "login", "billing");

  private static final Map<String, String> TEAMS = Map.of(
      "billing", "billing", "login", "identity", "crash", "engineering", "outage", "site reliability");

  private static final Map<String, String> ARTICLES = Map.of(
      "billing", "How to read your invoice",
      "login", "Resetting your password",
      "crash", "Collecting a crash report");

  /** Words of {@code text} that carry sentiment, in order of appearance. */
  public List<String> sentimentCues(String text) {
    List<String> cues = new ArrayList<>();
    for (String word : text.split("[^a-z0-9]+")) {
      if (SENTIMENT.containsKey(word)) {
        cues.add(word);
      }
    }
    return cues;
  }

  /** Sentiment weight of a cue word. */
  public int weight(String cue) {
    return SENTIMENT.getOrDefault(cue, 0);
  }

  /** Topics {@code text} mentions, sorted. */
  public List<String> topics(String text) {
    TreeSet<String> found = new TreeSet<>();
    TOPICS.forEach((topic, signals) -> {
      for (String signal : signals) {
        if ((" " + text + " ").matches(".*[^a-z]" + signal + "[^a-z].*")) {
          found.add(topic);
        }
      }
    });
    return List.copyOf(found);
  }

  /** The team that owns the most urgent topic, or the front desk. */
  public String owningTeam(List<String> topics) {
    return URGENCY.stream().filter(topics::contains).findFirst().map(TEAMS::get).orElse("front desk");
  }

  /** The help article for the first topic that has one. */
  public String article(List<String> topics) {
    return topics.stream().filter(ARTICLES::containsKey).findFirst().map(ARTICLES::get).orElse("Contacting support");
  }
}
