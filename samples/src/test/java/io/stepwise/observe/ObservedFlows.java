package io.stepwise.observe;

import io.stepwise.CompiledWorkflow;
import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.HumanResponseEvent;
import io.stepwise.InputRequiredEvent;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Provides;
import io.stepwise.annotations.Retry;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Workflows whose runs the observer tests watch: a retry, a child run, a failure, a cancel. */
public final class ObservedFlows {
  private ObservedFlows() {}

  public record Order(String item) implements StartEvent {}

  public record Priced(String item, int cents) implements Event {}

  public record Ask(String item) implements StartEvent {}

  public record Stock(int count) implements StopEvent {}

  public record Receipt(String text) implements StopEvent {}

  /** The child: looks up the stock of an item. */
  @Workflow(name = "stock")
  public static class StockFlow {
    @Step
    Stock count(Ask ask) {
      return new Stock(ask.item().length());
    }
  }

  /** Prices an order (the price service fails once, the retry succeeds), then asks a child run for the stock. */
  @Workflow(name = "shop")
  public static class ShopFlow {
    private final AtomicInteger priceCalls = new AtomicInteger();
    private final CompiledWorkflow<Ask, Stock> stock = ObservedFlows_StockFlow_Workflow.of(new StockFlow());

    @Provides
    CompiledWorkflow<Ask, Stock> stock() {
      return stock;
    }

    @Step(retry = @Retry(maxAttempts = 2, delay = "5ms"))
    Priced price(Order order) {
      if (priceCalls.incrementAndGet() == 1) {
        throw new IllegalStateException("price service busy");
      }
      return new Priced(order.item(), 250);
    }

    @Step
    Receipt bill(Priced priced, Context<?> ctx, CompiledWorkflow<Ask, Stock> stock) {
      int left = ctx.runChild(stock, new Ask(priced.item())).count();
      return new Receipt(priced.item() + " for " + priced.cents() + " cents, " + left + " left");
    }
  }

  /** A step that always fails: no retry, no handler, so the run fails. */
  @Workflow(name = "broken")
  public static class BrokenFlow {
    @Step
    Receipt bill(Order order) {
      throw new IllegalArgumentException("no price for " + order.item());
    }
  }

  /** Two steps take the order; the quick one's stop event ends the run under the slow one. */
  @Workflow(name = "race")
  public static class RaceFlow {
    @Step
    Receipt quick(Order order) {
      return new Receipt("quick " + order.item());
    }

    @Step
    Receipt slow(Order order) throws InterruptedException {
      Thread.sleep(60_000);
      return new Receipt("slow " + order.item());
    }
  }

  /** The first attempt outlives the step timeout and is retried; the second answers at once. */
  @Workflow(name = "slow-first")
  public static class SlowFirstFlow {
    @Step(timeout = "200ms", retry = @Retry(maxAttempts = 2, delay = "1ms"))
    Receipt bill(Order order, Context<?> ctx) throws InterruptedException {
      if (ctx.retryInfo().attempt() == 1) {
        Thread.sleep(60_000);
      }
      return new Receipt("billed " + order.item());
    }
  }

  /** Never stops: the run timeout ends it under its sleeping step. */
  @Workflow(name = "sleepy", timeout = "200ms")
  public static class SleepyFlow {
    @Step
    Receipt bill(Order order) throws InterruptedException {
      Thread.sleep(60_000);
      return new Receipt("never");
    }
  }

  public record Question(String text) implements InputRequiredEvent {}

  public record Reply(boolean yes) implements HumanResponseEvent {}

  /** Asks a person before billing: a run that waits, to snapshot and resume. */
  @Workflow(name = "asking", timeout = "0s")
  public static class AskingFlow {
    @Step
    Question ask(Order order) {
      return new Question("bill " + order.item() + "?");
    }

    @Step
    Receipt answer(Reply reply) {
      return new Receipt(reply.yes() ? "billed" : "dropped");
    }
  }

  public record Confirm(boolean yes) implements HumanResponseEvent {}

  /** Sends an event, then waits for a confirmation: a resumed run re-runs the step, whose send is replayed. */
  @Workflow(name = "sending", timeout = "0s")
  public static class SendingFlow {
    @Step
    Receipt check(Order order, Context<?> ctx) {
      ctx.sendEvent(new Priced(order.item(), 100));
      Confirm confirm = ctx.waitForEvent(Confirm.class, new Question("confirm " + order.item() + "?"), c -> true,
          Duration.ZERO);
      return new Receipt(confirm.yes() ? "confirmed" : "refused");
    }

    @Step
    void note(Priced priced) {}
  }
}
