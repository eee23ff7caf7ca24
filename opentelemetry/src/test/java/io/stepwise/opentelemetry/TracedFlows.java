package io.stepwise.opentelemetry;

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
import java.util.concurrent.atomic.AtomicInteger;

/** The workflows the tracing tests run: one with a retry and a child run, one that fails. */
final class TracedFlows {
  private TracedFlows() {}

  record Order(String item) implements StartEvent {}

  record Priced(String item, int cents) implements Event {}

  record Ask(String item) implements StartEvent {}

  record Stock(int count) implements StopEvent {}

  record Receipt(String text) implements StopEvent {}

  /** The child: counts the stock of an item. */
  @Workflow(name = "stock")
  static class StockFlow {
    @Step
    Stock count(Ask ask) {
      return new Stock(ask.item().length());
    }
  }

  /** Prices an order (the price service fails once, the retry succeeds), then asks a child run for the stock. */
  @Workflow(name = "shop")
  static class ShopFlow {
    private final AtomicInteger priceCalls = new AtomicInteger();
    private final CompiledWorkflow<Ask, Stock> stock = TracedFlows_StockFlow_Workflow.of(new StockFlow());

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
  static class BrokenFlow {
    @Step
    Receipt bill(Order order) {
      throw new IllegalArgumentException("no price for " + order.item());
    }
  }

  record Question(String text) implements InputRequiredEvent {}

  record Reply(boolean yes) implements HumanResponseEvent {}

  /** Asks a person before billing: an answer comes from outside the run. */
  @Workflow(name = "asking")
  static class AskingFlow {
    @Step
    Question ask(Order order) {
      return new Question("bill " + order.item() + "?");
    }

    @Step
    Receipt answer(Reply reply) {
      return new Receipt(reply.yes() ? "billed" : "dropped");
    }
  }
}
