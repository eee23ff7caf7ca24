package io.stepwise.observe;

import io.stepwise.Event;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes each call down as one line, per workflow, so a test can compare whole sequences. */
final class RecordingObserver implements RunObserver {
  private final Map<String, List<String>> lines = new LinkedHashMap<>();
  final List<RunEnded> ends = new ArrayList<>();
  final List<StepFinished> finishes = new ArrayList<>();

  synchronized List<String> of(String workflow) {
    return List.copyOf(lines.getOrDefault(workflow, List.of()));
  }

  private synchronized void add(ObservedRun run, String line) {
    lines.computeIfAbsent(run.workflow(), w -> new ArrayList<>()).add(line);
  }

  private static String name(Event event) {
    return event == null ? "null" : event.getClass().getSimpleName();
  }

  private static List<String> names(List<Event> events) {
    return events.stream().map(RecordingObserver::name).toList();
  }

  @Override
  public void runStarted(RunStarted run) {
    add(run.run(), "runStarted " + name(run.start()) + (run.run().resumed() ? " resumed" : ""));
  }

  @Override
  public synchronized void runEnded(RunEnded run) {
    ends.add(run);
    add(run.run(), "runEnded " + run.outcome() + " " + name(run.terminal())
        + (run.error() == null ? "" : " " + run.error().getClass().getSimpleName()));
  }

  @Override
  public void stepStarted(StepStarted step) {
    add(step.run(), "stepStarted " + step.step() + "#" + step.attempt() + " " + names(step.events()));
  }

  @Override
  public Scope stepEntered(StepStarted step) {
    add(step.run(), "stepEntered " + step.step() + "#" + step.attempt());
    return () -> add(step.run(), "scopeClosed " + step.step() + "#" + step.attempt());
  }

  @Override
  public synchronized void stepFinished(StepFinished step) {
    finishes.add(step);
    add(step.run(), "stepFinished " + step.step() + "#" + step.attempt() + " " + names(step.emitted()));
  }

  @Override
  public void stepFailed(StepFailed step) {
    add(step.run(), "stepFailed " + step.step() + "#" + step.attempt() + " "
        + step.error().getClass().getSimpleName() + ": " + step.error().getMessage());
  }

  @Override
  public void stepRetrying(StepRetrying step) {
    add(step.run(), "stepRetrying " + step.step() + " next=" + step.nextAttempt() + " delay=" + step.delay().toMillis()
        + "ms after " + step.error().getMessage());
  }

  @Override
  public void stepCancelled(StepCancelled step) {
    add(step.run(), "stepCancelled " + step.step() + "#" + step.attempt());
  }

  @Override
  public void eventRouted(EventRouted event) {
    add(event.run(), "eventRouted " + name(event.event()) + " from " + event.fromStep() + " to " + event.toSteps());
  }

  @Override
  public void childRunStarted(ChildRunStarted child) {
    add(child.run(), "childRunStarted " + child.childWorkflow() + " from " + child.step());
  }
}
