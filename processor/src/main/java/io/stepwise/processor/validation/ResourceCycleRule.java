package io.stepwise.processor.validation;

import io.stepwise.processor.model.ProviderModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code [Stepwise/ResourceCycle]}: providers that depend on each other in a cycle, which no order
 * of calls could satisfy.
 */
public final class ResourceCycleRule implements Rule {
  @Override
  public String id() {
    return "[Stepwise/ResourceCycle]";
  }

  /** Reports each cycle once, on its provider whose name sorts first, spelled from there. */
  public void report(List<ProviderModel> providers, ErrorReporter reporter) {
    var reported = new HashSet<String>();
    var done = new HashSet<Integer>(); // fully explored: any cycle through them is already reported
    var sorted = new ArrayList<>(providers);
    sorted.sort((a, b) -> a.method().compareTo(b.method()));
    for (ProviderModel start : sorted) {
      find(providers, start, new ArrayList<>(), new HashSet<>(), done, reported, reporter);
    }
  }

  private void find(List<ProviderModel> providers, ProviderModel at, List<ProviderModel> path,
      Set<Integer> onPath, Set<Integer> done, Set<String> reported, ErrorReporter reporter) {
    if (onPath.contains(at.index())) {
      var cycle = new ArrayList<>(path.subList(indexOf(path, at), path.size()));
      ProviderModel first = cycle.stream().min((a, b) -> a.method().compareTo(b.method())).orElseThrow();
      int from = cycle.indexOf(first);
      var names = new ArrayList<String>();
      for (int i = 0; i <= cycle.size(); i++) {
        names.add(cycle.get((from + i) % cycle.size()).method());
      }
      String spelled = String.join(" -> ", names);
      if (reported.add(spelled)) {
        reporter.error(first.source(), message("Provider '" + first.method()
            + "' depends on itself: " + spelled + ". Remove one of these dependencies."));
      }
      return;
    }
    if (done.contains(at.index())) {
      return;
    }
    path.add(at);
    onPath.add(at.index());
    for (var param : at.params()) {
      find(providers, providers.get(param.provider()), path, onPath, done, reported, reporter);
    }
    path.removeLast();
    onPath.remove(at.index());
    done.add(at.index());
  }

  private static int indexOf(List<ProviderModel> path, ProviderModel provider) {
    for (int i = 0; i < path.size(); i++) {
      if (path.get(i).index() == provider.index()) {
        return i;
      }
    }
    throw new IllegalStateException("not on the path: " + provider.method());
  }
}
