package io.stepwise.behaviour;

import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Provides;
import io.stepwise.annotations.Retry;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Workflows whose providers count their calls, for the resource behaviour tests. */
final class ResourceFlows {
  private ResourceFlows() {}

  record Go() implements StartEvent {}

  /** The serial of the box the first step got. */
  record Half(int seen) implements Event {}

  /** The serials of the boxes both steps got. */
  record Seen(int first, int second) implements StopEvent {}

  /** A resource with an identity of its own. */
  static final class Box {
    final int serial;

    Box(int serial) {
      this.serial = serial;
    }
  }

  /** Both steps take the one cached box; the provider is slow, so concurrent first uses overlap. */
  @Workflow
  static class CachedFlow {
    final AtomicInteger created = new AtomicInteger();

    @Provides
    Box box() throws InterruptedException {
      Thread.sleep(20);
      return new Box(created.incrementAndGet());
    }

    @Step
    Half first(Go ev, Box box) {
      return new Half(box.serial);
    }

    @Step
    Seen second(Half ev, Box box) {
      return new Seen(ev.seen(), box.serial);
    }
  }

  /** The same shape with a box made fresh for every use. */
  @Workflow
  static class FreshFlow {
    final AtomicInteger created = new AtomicInteger();

    @Provides(cached = false)
    Box box() {
      return new Box(created.incrementAndGet());
    }

    @Step
    Half first(Go ev, Box box) {
      return new Half(box.serial);
    }

    @Step
    Seen second(Half ev, Box box) {
      return new Seen(ev.seen(), box.serial);
    }
  }

  record Attempts(List<Integer> serials) implements StopEvent {}

  /** A step that fails twice gets a fresh resource on each of its three attempts. */
  @Workflow
  static class FreshRetryFlow {
    final AtomicInteger created = new AtomicInteger();
    final List<Integer> serials = new CopyOnWriteArrayList<>();

    @Provides(cached = false)
    Box box() {
      return new Box(created.incrementAndGet());
    }

    @Step(retry = @Retry(maxAttempts = 3))
    Attempts flaky(Go ev, Box box) {
      serials.add(box.serial);
      if (serials.size() < 3) {
        throw new IllegalStateException("attempt " + serials.size());
      }
      return new Attempts(List.copyOf(serials));
    }
  }

  record Layers(String top) implements StopEvent {}

  static final class Base {
    final String name;

    Base(String name) {
      this.name = name;
    }
  }

  static final class Middle {
    final Base base;

    Middle(Base base) {
      this.base = base;
    }
  }

  static final class Top {
    final Middle middle;

    Top(Middle middle) {
      this.middle = middle;
    }
  }

  /** Providers declared in reverse dependency order; the generated code still calls base first. */
  @Workflow
  static class ChainedFlow {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Provides
    Top top(Middle middle) {
      calls.add("top");
      return new Top(middle);
    }

    @Provides(cached = false)
    Middle middle(Base base) {
      calls.add("middle");
      return new Middle(base);
    }

    @Provides
    Base base() {
      calls.add("base");
      return new Base("base");
    }

    @Step
    Layers use(Go ev, Top top, Middle middle) {
      return new Layers(top.middle.base.name + "/" + (middle.base == top.middle.base));
    }
  }

  record Answer(String text) implements StopEvent {}

  /** A model that answers with its own name. */
  record Model(String name) {}

  /** Two models of one type, told apart by name. */
  @Workflow
  static class NamedFlow {
    @Provides(name = "fast")
    Model fast() {
      return new Model("fast");
    }

    @Provides(name = "careful")
    Model careful() {
      return new Model("careful");
    }

    @Step
    Answer answer(Go ev, @Provides.Named("careful") Model model, @Provides.Named("fast") Model draft) {
      return new Answer(draft.name() + " then " + model.name());
    }
  }

  /** A cached provider that fails on its first call: the step's retry calls it again. */
  @Workflow
  static class FailingProviderFlow {
    final AtomicInteger calls = new AtomicInteger();

    @Provides
    Box box() {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("not yet");
      }
      return new Box(calls.get());
    }

    @Step(retry = @Retry(maxAttempts = 2))
    Answer use(Go ev, Box box) {
      return new Answer("box " + box.serial);
    }
  }
}
