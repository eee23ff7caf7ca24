/**
 * One step execution: {@code StepExecution} runs the step on a virtual thread and reports what it
 * returned or threw as a tick; {@code StepContext}, which it extends, is the {@code Context} the
 * step is handed (send, stream, state, store, collect, wait, child runs). An execution reaches its
 * run only through {@code ExecutionHost}, which the run's driver implements.
 */
package io.stepwise.internal.execution;
