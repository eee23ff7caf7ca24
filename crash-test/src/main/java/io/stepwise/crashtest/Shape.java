package io.stepwise.crashtest;

import io.stepwise.CompiledWorkflow;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * One crash-test workflow with everything the harness needs to know about it: how to compile it
 * over a ledger, its start event, and what an uninterrupted run of it does.
 *
 * @param name the shape's name on the command line, e.g. {@code fanout}
 * @param workflow the workflow's {@code @Workflow(name)}, as stored runs name it
 * @param compile the compiled workflow whose steps record to the given ledger
 * @param start the start event of every run
 * @param expected the {@link Outcome#summary()} of an uninterrupted run's result
 * @param executions the key of every execution an uninterrupted run makes
 * @param failingOnce the keys of executions whose first attempt fails and second succeeds
 * @param answer the answer to the question numbered n, for shapes that wait for one; else null
 * @param killWindow how long after a worker reports its run running a kill may still land in it
 */
public record Shape<S extends StartEvent, R extends StopEvent & Outcome>(
    String name,
    String workflow,
    Function<Ledger, CompiledWorkflow<S, R>> compile,
    S start,
    String expected,
    Set<String> executions,
    Set<String> failingOnce,
    IntFunction<Event> answer,
    Duration killWindow) {}
