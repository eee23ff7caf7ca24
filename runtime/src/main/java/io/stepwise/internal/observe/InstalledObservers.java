package io.stepwise.internal.observe;

import io.stepwise.observe.RunObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The observers of every run in the JVM: those listed in
 * {@code META-INF/services/io.stepwise.observe.RunObserver}, found once, on first use, with
 * {@link ServiceLoader} (a service file, not reflection of ours: a native image lists them at build time).
 */
public final class InstalledObservers {
  private InstalledObservers() {}

  private static final class Holder {
    static final List<RunObserver> OBSERVERS;
    static final RuntimeException BROKEN;

    static {
      List<RunObserver> found = new ArrayList<>();
      RuntimeException broken = null;
      try {
        ServiceLoader.load(RunObserver.class).forEach(found::add);
      } catch (ServiceConfigurationError error) {
        broken = new IllegalStateException("A RunObserver listed in a META-INF/services/"
            + RunObserver.class.getName() + " file on the class path could not be loaded: " + error.getMessage()
            + ". Fix the class (public, with a public no-argument constructor that does not throw) or remove"
            + " its line from the file", error);
      }
      OBSERVERS = List.copyOf(found);
      BROKEN = broken;
    }
  }

  /**
   * Every run's observers, then {@code perRun}; empty when there are none.
   *
   * @throws IllegalStateException when a listed observer cannot be loaded: the run is not started,
   *     as it would run unobserved without anyone noticing
   */
  public static List<RunObserver> with(List<RunObserver> perRun) {
    if (Holder.BROKEN != null) {
      throw Holder.BROKEN;
    }
    if (Holder.OBSERVERS.isEmpty()) {
      return perRun;
    }
    if (perRun.isEmpty()) {
      return Holder.OBSERVERS;
    }
    List<RunObserver> all = new ArrayList<>(Holder.OBSERVERS);
    all.addAll(perRun);
    return all;
  }
}
