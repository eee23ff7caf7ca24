package io.stepwise.internal.children;

import io.stepwise.Snapshot;
import io.stepwise.internal.loop.LoopImage;
import java.util.Objects;

/**
 * A child run that an execution in flight was waiting for when its parent's snapshot was taken:
 * which {@code runChild} call started it and the child's own snapshot, decoded by the child's
 * codecs only when the re-run execution resumes it.
 *
 * @param execution the position of the parent's execution in {@link LoopImage#executions()}
 * @param call which {@code runChild} call of that execution started the child, from 0
 * @param workflow the child workflow's name
 * @param snapshot the child's snapshot, taken just after the parent's cut
 */
public record ChildImage(int execution, int call, String workflow, Snapshot snapshot) {
  public ChildImage {
    Objects.requireNonNull(workflow, "workflow");
    Objects.requireNonNull(snapshot, "snapshot");
  }
}
