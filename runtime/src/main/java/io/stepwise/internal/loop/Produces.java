package io.stepwise.internal.loop;

import io.stepwise.Event;
import io.stepwise.spi.StepDescriptor;

/** Whether a step declared an event it emits; the processor's promise, checked at run time. */
public final class Produces {
  private Produces() {}

  /** Null when the step declares the event's type, else the message explaining how to fix it. */
  public static String undeclared(StepDescriptor step, Event event) {
    Class<?> type = event.getClass();
    for (Class<? extends Event> declared : step.produces()) {
      if (declared == type || declared.isInstance(event)) {
        return null;
      }
    }
    return "Step '" + step.name() + "' emitted " + type.getName()
        + ", which it does not declare. Declare it with @Step(emits = " + type.getSimpleName()
        + ".class), or send it with a static type the processor can see.";
  }
}
