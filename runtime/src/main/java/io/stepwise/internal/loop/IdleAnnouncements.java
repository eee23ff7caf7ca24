package io.stepwise.internal.loop;

import io.stepwise.WorkflowIdleEvent;
import java.util.function.Consumer;

/**
 * When a run announces that it rests ({@link WorkflowIdleEvent}), for a loop whose run asked for
 * it. As in the Python library, the loop does not announce a rest the moment it sees one: it asks
 * its driver for a {@link Tick.IdleCheck} behind the ticks already queued, and announces only if
 * the run still rests then. A rest is announced once; it is announced again after the run was
 * busy, or after an event from outside reached it (Python checks again after every tick, and the
 * only ticks that reach a resting run there are such events).
 *
 * <p>A run resumed from a cut taken while it rested re-runs its waiting steps up to their waits;
 * coming back to that rest is not announced again (in Python a resumed run re-runs nothing, so
 * it has nothing to announce until a tick comes).
 */
final class IdleAnnouncements {
  private static final Command.CheckIdle CHECK = new Command.CheckIdle();

  private boolean announced;
  private boolean checkAsked;
  /** Resumed from a resting cut, its re-runs not yet back in their waits. */
  private boolean returning;

  /** The run resumes; {@code restedAtCut} when the cut it resumes from was taken while it rested. */
  void resumed(boolean restedAtCut) {
    announced = restedAtCut;
    returning = restedAtCut;
  }

  /** The loop folded {@code tick} into a run that goes on; {@code rests} says whether it rests now. */
  void after(Tick tick, boolean rests, Consumer<? super Command> out) {
    if (tick instanceof Tick.IdleCheck) {
      checkAsked = false;
      if (rests && !announced) {
        announced = true;
        out.accept(new Command.Publish(new WorkflowIdleEvent()));
      }
      return;
    }
    if (tick instanceof Tick.EventPosted || (returning
        && (tick instanceof Tick.StepReturned || tick instanceof Tick.StepThrew))) {
      announced = false; // something new: an event from outside, or a re-run that went elsewhere than its wait
      returning = false;
    }
    if (!rests) {
      announced &= returning; // busy, unless only re-running back to the rest of the cut
      return;
    }
    returning = false;
    if (!announced && !checkAsked) {
      checkAsked = true;
      out.accept(CHECK);
    }
  }
}
