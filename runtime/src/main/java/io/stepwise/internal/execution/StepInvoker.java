package io.stepwise.internal.execution;

import io.stepwise.Context;
import io.stepwise.Event;

/** Calls one step of a workflow bound to its instance; wraps {@code WorkflowDefinition.invoke}. */
@FunctionalInterface
public interface StepInvoker {
  Object invoke(int step, Event[] events, Context<?> context) throws Exception;
}
