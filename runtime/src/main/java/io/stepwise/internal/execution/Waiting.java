package io.stepwise.internal.execution;

import io.stepwise.Event;
import io.stepwise.WaitTimeoutException;
import io.stepwise.WorkflowCancelledException;
import io.stepwise.internal.loop.Tick.OfferRefused;
import io.stepwise.internal.loop.Tick.WaitMatched;
import io.stepwise.internal.loop.Tick.WaitStarted;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;

/**
 * The step side of {@code ctx.waitForEvent}: registers the wait with the loop, then blocks the
 * step's virtual thread on a mailbox the loop fills with offered events or the timeout, and
 * applies the step's predicate, which never leaves the step.
 */
public final class Waiting {
  private sealed interface Message {
    int seq();
  }

  private record Offered(int seq, Event event) implements Message {}

  private record Expired(int seq, Class<?> type, Duration timeout) implements Message {}

  private final ExecutionHost run;
  private final long execution;
  private final LinkedBlockingQueue<Message> mailbox = new LinkedBlockingQueue<>();
  private int seq;

  Waiting(ExecutionHost run, long execution) {
    this.run = run;
    this.execution = execution;
  }

  public void offer(int seq, Event event) {
    mailbox.offer(new Offered(seq, event));
  }

  public void expire(int seq, Class<?> type, Duration timeout) {
    mailbox.offer(new Expired(seq, type, timeout));
  }

  <E extends Event> E await(String step, Class<E> type, Event waiterEvent, Predicate<? super E> match,
      Duration timeout) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
    }
    int current = ++seq;
    run.post(new WaitStarted(execution, current, type, waiterEvent, timeout));
    try {
      while (true) {
        Message message = mailbox.take();
        if (message.seq() != current) {
          continue; // left over from an earlier wait of this execution
        }
        if (message instanceof Expired) {
          throw new WaitTimeoutException("Step '" + step + "' waited " + timeout + " for "
              + type.getName() + ", but no matching event arrived", type.getName(), timeout);
        }
        E event = type.cast(((Offered) message).event());
        if (match.test(event)) {
          run.post(new WaitMatched(execution, current, event));
          return event;
        }
        run.post(new OfferRefused(execution, current)); // the loop counts the run busy until it hears
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WorkflowCancelledException("Step '" + step + "' of run " + run.runId()
          + " was cancelled while waiting for " + type.getName());
    }
  }
}
