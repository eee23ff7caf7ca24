package io.stepwise.behaviour;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Map-reduce with a declarative fan-in: {@code split} returns one chunk per word, {@code summarize}
 * maps each, and {@code gather} takes {@code List<Summary>}, firing once with the whole batch.
 * Chunks whose index is held block until the gate opens, so a test can cut the run mid-batch.
 */
@Workflow
public class FanInFlow {
  public record Document(String text) implements StartEvent {}

  public record Chunk(int index, String word) implements Event {}

  public record Summary(int index, String text) implements Event {}

  public record Summarized(int index) implements Event {}

  /** @param sizes the size of every batch gather got, in order */
  public record Digest(List<String> summaries, List<Integer> sizes) implements StopEvent {}

  private final Set<Integer> held;
  private final CountDownLatch gate;
  final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

  public FanInFlow(Set<Integer> held, CountDownLatch gate) {
    this.held = held;
    this.gate = gate;
  }

  int runsOf(String what) {
    AtomicInteger count = runs.get(what);
    return count == null ? 0 : count.get();
  }

  private void ran(String what) {
    runs.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
  }

  @Step
  List<Chunk> split(Document document) {
    ran("split");
    String text = document.text().strip();
    if (text.isEmpty()) {
      return List.of();
    }
    String[] words = text.split(" ");
    return java.util.stream.IntStream.range(0, words.length).mapToObj(i -> new Chunk(i, words[i])).toList();
  }

  @Step(workers = 8)
  Summary summarize(Chunk chunk, Context<?> ctx) throws InterruptedException {
    ran("summarize " + chunk.index());
    if (held.contains(chunk.index())) {
      gate.await();
    }
    ctx.writeEventToStream(new Summarized(chunk.index()));
    return new Summary(chunk.index(), chunk.word().toUpperCase(java.util.Locale.ROOT));
  }

  @Step
  Digest gather(List<Summary> summaries) {
    ran("gather");
    List<String> texts = summaries.stream().sorted(Comparator.comparingInt(Summary::index))
        .map(Summary::text).toList();
    return new Digest(texts, List.of(summaries.size()));
  }
}
