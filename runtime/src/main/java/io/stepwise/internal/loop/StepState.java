package io.stepwise.internal.loop;

import io.stepwise.Event;
import io.stepwise.spi.StepDescriptor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step's share of a run, as plain data: its busy workers, its queue of input sets, its join
 * and collect buffers.
 */
final class StepState {
  /**
   * An input set and its lineage: how many error recoveries the chain of events that led to it
   * went through.
   */
  record InputSet(Event[] events, int lineage) {}

  final StepDescriptor step;
  /** Executions holding a worker: running, or waiting to retry. */
  int busy;
  /** Worker slots in use, for step state events: the first 64 as bits, the rest (rare) in a set. */
  private long lowWorkers;
  private BitSet highWorkers;
  /** Complete input sets waiting for a free worker, oldest first; null until one waits. */
  private ArrayDeque<InputSet> queued;
  /** For a join, one FIFO per input; null otherwise. */
  private final List<ArrayDeque<Event>> buffers;
  /** The lineage of each buffered join event, parallel to {@link #buffers}. */
  private final List<ArrayDeque<Integer>> lineages;
  /** Events buffered by {@code ctx.collectEvents}, per expected type, FIFO; null until one is. */
  private Map<Class<?>, ArrayDeque<Event>> collected;
  /**
   * Collected events restored from a snapshot, oldest first: a snapshot keeps no classes, so they
   * are sorted under the expected types of the next {@code collectEvents} call. Null when none.
   */
  private ArrayDeque<Event> restoredCollected;
  /** For a fan-in ({@code List<E>}), its batches; null for other steps. */
  private final Batches batches;

  StepState(StepDescriptor step) {
    this.step = step;
    int inputs = step.inputs().size();
    if (inputs > 1) {
      this.buffers = new ArrayList<>(inputs);
      this.lineages = new ArrayList<>(inputs);
      for (int i = 0; i < inputs; i++) {
        buffers.add(new ArrayDeque<>());
        lineages.add(new ArrayDeque<>());
      }
    } else {
      this.buffers = null;
      this.lineages = null;
    }
    this.batches = inputs == 1 && step.inputs().getFirst().isBatch() ? new Batches() : null;
  }

  /** Whether the step takes {@code List<E>}: it fires once per complete batch. */
  boolean isFanIn() {
    return batches != null;
  }

  /** A member of a batch arrived; the oldest batch, if now complete. */
  InputSet member(Event event, int lineage) {
    return batches.member(event, lineage);
  }

  /** The step's fan-out returned a list of {@code size} events; the oldest batch, if now complete. */
  InputSet openBatch(int size, int lineage) {
    return batches.open(size, lineage);
  }

  /** The oldest batch, if complete, taken out. */
  InputSet completeBatch() {
    return batches.complete();
  }

  /** Whether the step takes more than one event, so input sets form in its join buffers. */
  boolean isJoin() {
    return buffers != null;
  }

  boolean hasQueued() {
    return queued != null && !queued.isEmpty();
  }

  void enqueue(InputSet set) {
    if (queued == null) {
      queued = new ArrayDeque<>();
    }
    queued.addLast(set);
  }

  /** The oldest queued input set, or null. */
  InputSet nextQueued() {
    return queued == null ? null : queued.pollFirst();
  }

  boolean hasFreeWorker() {
    return busy < step.workers();
  }

  /** Names of the steps with running, retrying or queued executions, sorted; null states are untouched steps. */
  static List<String> activeNames(StepState[] states) {
    List<String> active = new ArrayList<>();
    for (StepState state : states) {
      if (state != null && state.isActive()) {
        active.add(state.step.name());
      }
    }
    active.sort(null);
    return active;
  }

  boolean isActive() {
    return busy > 0 || hasQueued();
  }

  int takeWorker() {
    if (lowWorkers != -1L) {
      int worker = Long.numberOfTrailingZeros(~lowWorkers);
      lowWorkers |= 1L << worker;
      return worker;
    }
    if (highWorkers == null) {
      highWorkers = new BitSet();
    }
    int worker = highWorkers.nextClearBit(0);
    highWorkers.set(worker);
    return worker + Long.SIZE;
  }

  void freeWorker(int worker) {
    if (worker < Long.SIZE) {
      lowWorkers &= ~(1L << worker);
    } else {
      highWorkers.clear(worker - Long.SIZE);
    }
  }

  /**
   * Buffers one event of a join in the least filled of the slots it fits (so a join on two
   * events of one type takes them in turn), and returns a complete set once every slot has one;
   * its lineage is the longest of its events'.
   */
  InputSet join(Event event, int lineage, int[] slots) {
    int best = slots[0];
    for (int i = 1; i < slots.length; i++) {
      if (buffers.get(slots[i]).size() < buffers.get(best).size()) {
        best = slots[i];
      }
    }
    buffers.get(best).addLast(event);
    lineages.get(best).addLast(lineage);
    for (ArrayDeque<Event> buffer : buffers) {
      if (buffer.isEmpty()) {
        return null;
      }
    }
    Event[] set = new Event[buffers.size()];
    int longest = 0;
    for (int i = 0; i < set.length; i++) {
      set[i] = buffers.get(i).pollFirst();
      longest = Math.max(longest, lineages.get(i).pollFirst());
    }
    return new InputSet(set, longest);
  }

  /**
   * Buffers {@code event} under the first expected type it is an instance of, and takes the
   * complete set in {@code expected} order once each type has arrived as often as it is listed.
   *
   * @return the set, or null while incomplete
   */
  List<Event> collect(Event event, List<Class<? extends Event>> expected) {
    if (collected == null) {
      collected = new LinkedHashMap<>();
    }
    while (restoredCollected != null && !restoredCollected.isEmpty()) {
      bucket(restoredCollected.pollFirst(), expected);
    }
    bucket(event, expected);
    Map<Class<?>, Integer> needed = new LinkedHashMap<>();
    expected.forEach(type -> needed.merge(type, 1, Integer::sum));
    for (Map.Entry<Class<?>, Integer> need : needed.entrySet()) {
      ArrayDeque<Event> buffer = collected.get(need.getKey());
      if (buffer == null || buffer.size() < need.getValue()) {
        return null;
      }
    }
    List<Event> set = new ArrayList<>(expected.size());
    for (Class<? extends Event> type : expected) {
      set.add(collected.get(type).pollFirst());
    }
    return set;
  }

  private void bucket(Event event, List<Class<? extends Event>> expected) {
    for (Class<? extends Event> type : expected) {
      if (type.isInstance(event)) {
        collected.computeIfAbsent(type, t -> new ArrayDeque<>()).addLast(event);
        return;
      }
    }
  }

  /** The buffers as an image, or null when they are all empty. */
  LoopImage.StepImage image() {
    if (!hasQueued() && (buffers == null || buffers.stream().allMatch(ArrayDeque::isEmpty))
        && (collected == null || collected.isEmpty()) && (restoredCollected == null || restoredCollected.isEmpty())
        && (batches == null || batches.isEmpty())) {
      return null;
    }
    List<LoopImage.InputSetImage> sets = new ArrayList<>();
    if (queued != null) {
      queued.forEach(set -> sets.add(new LoopImage.InputSetImage(List.of(set.events()), set.lineage())));
    }
    List<List<LoopImage.Buffered>> joins = new ArrayList<>();
    for (int slot = 0; buffers != null && slot < buffers.size(); slot++) {
      List<LoopImage.Buffered> waiting = new ArrayList<>();
      var lineage = lineages.get(slot).iterator();
      buffers.get(slot).forEach(event -> waiting.add(new LoopImage.Buffered(event, lineage.next())));
      joins.add(waiting);
    }
    List<Event> gathered = restoredCollected == null ? new ArrayList<>() : new ArrayList<>(restoredCollected);
    if (collected != null) {
      collected.values().forEach(gathered::addAll);
    }
    return batches == null ? new LoopImage.StepImage(step.index(), sets, joins, gathered)
        : new LoopImage.StepImage(step.index(), sets, joins, gathered, batches.members(), batches.open());
  }

  /** Refills the buffers from an image of a run of the same graph. */
  void restore(LoopImage.StepImage image) {
    image.queued().forEach(set -> enqueue(new InputSet(set.events().toArray(Event[]::new), set.lineage())));
    for (int slot = 0; buffers != null && slot < image.joins().size() && slot < buffers.size(); slot++) {
      for (LoopImage.Buffered buffered : image.joins().get(slot)) {
        buffers.get(slot).addLast(buffered.event());
        lineages.get(slot).addLast(buffered.lineage());
      }
    }
    if (!image.collected().isEmpty()) {
      restoredCollected = new ArrayDeque<>(image.collected());
    }
    if (batches != null) {
      batches.restore(image.members(), image.batches());
    }
  }

  /** Drops everything buffered: the run ended. */
  void clear() {
    restoredCollected = null;
    queued = null;
    if (batches != null) {
      batches.clear();
    }
    collected = null;
    if (buffers != null) {
      buffers.forEach(ArrayDeque::clear);
      lineages.forEach(ArrayDeque::clear);
    }
  }
}
