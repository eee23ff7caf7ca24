/**
 * One run in this process: {@code RunDriver} drains ticks into its loop and carries out the
 * commands (starting executions, timers, the stream, checkpoints, the result), with one collaborator
 * per job ({@code Admission}, {@code RunTimers}, {@code RunResult}, {@code AliveTime});
 * {@code RunHandle} is the caller's {@code WorkflowHandler}. Also the process-wide parts of
 * running: run ids, the {@code numConcurrentRuns} slots, live runs with a store, abandoned runs.
 */
package io.stepwise.internal.run;
