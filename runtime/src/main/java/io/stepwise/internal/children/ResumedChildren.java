package io.stepwise.internal.children;

import io.stepwise.Event;
import io.stepwise.internal.execution.Waiting;
import io.stepwise.internal.loop.LoopImage;
import io.stepwise.internal.snapshot.RunImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The child runs of a resumed run's snapshot, waiting for the executions they belong to. The loop
 * re-runs the snapshot's executions with the same input events, so an execution is recognised by
 * its step and the identity of its events, which were decoded once per execution.
 */
public final class ResumedChildren {
  private record Waiting(int step, List<Event> events, List<ChildImage> children) {}

  private final List<Waiting> waiting = new ArrayList<>();

  /** The image's children, or null when its executions wait for none. */
  public static ResumedChildren of(RunImage image) {
    if (image.children().isEmpty()) {
      return null;
    }
    ResumedChildren resumed = new ResumedChildren();
    List<LoopImage.ExecutionImage> executions = image.loop().executions();
    for (int i = 0; i < executions.size(); i++) {
      int execution = i;
      List<ChildImage> children = image.children().stream().filter(child -> child.execution() == execution).toList();
      if (!children.isEmpty()) {
        resumed.waiting.add(new Waiting(executions.get(i).step(), executions.get(i).events(), children));
      }
    }
    return resumed;
  }

  /** Gives a starting execution its children, if it is the re-run of one that had some; each set is given once. */
  public void handTo(int step, Event[] events, ChildRuns into) {
    for (int i = 0; i < waiting.size(); i++) {
      Waiting candidate = waiting.get(i);
      if (candidate.step() == step && same(candidate.events(), events)) {
        waiting.remove(i);
        into.resumeFrom(candidate.children());
        return;
      }
    }
  }

  public boolean isEmpty() {
    return waiting.isEmpty();
  }

  private static boolean same(List<Event> recorded, Event[] events) {
    if (recorded.size() != events.length) {
      return false;
    }
    for (int i = 0; i < events.length; i++) {
      if (recorded.get(i) != events[i]) {
        return false;
      }
    }
    return true;
  }
}
