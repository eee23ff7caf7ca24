package io.stepwise.internal.snapshot;

import io.stepwise.Snapshot;
import io.stepwise.spi.CodecRegistry;
import io.stepwise.spi.StepDescriptor;
import java.util.List;

/**
 * The runtime's way to the side of {@link Snapshot} that its public API does not show: making a
 * snapshot of a live run's {@link RunImage}, and reading that image back. {@code Snapshot} keeps
 * both private, since the image is internal, and hands this class its {@link Door} when the class
 * is initialized; no other class opens it.
 */
public final class Snapshots {
  /** What {@code Snapshot} lets the runtime do; only {@code Snapshot} implements it. */
  public interface Door {
    Snapshot of(RunImage image, CodecRegistry codecs, List<StepDescriptor> steps);

    RunImage image(Snapshot snapshot);
  }

  private static volatile Door door;

  private Snapshots() {}

  /** Called once, by {@code Snapshot}'s static initializer. */
  public static void open(Door opened) {
    if (door != null) {
      throw new IllegalStateException("Snapshot's door is open already");
    }
    door = opened;
  }

  /** A snapshot of a live run, written with the workflow's codecs when asked for its JSON. */
  public static Snapshot of(RunImage image, CodecRegistry codecs, List<StepDescriptor> steps) {
    return door().of(image, codecs, steps);
  }

  /** The typed content of a snapshot taken in this process, or null when it was read from JSON. */
  public static RunImage image(Snapshot snapshot) {
    return door().image(snapshot);
  }

  private static Door door() {
    Door opened = door;
    if (opened == null) {
      // Reading a static field that is not a constant initializes Snapshot, whose initializer opens the door.
      if (Snapshot.DEFAULT_LIMITS == null) {
        throw new IllegalStateException("Snapshot is not initialized");
      }
      opened = door;
    }
    return opened;
  }
}
