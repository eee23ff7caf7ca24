package io.stepwise.behaviour;

import io.stepwise.CompiledWorkflow;
import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import io.stepwise.behaviour.LimitedFlow.Job;
import io.stepwise.behaviour.LimitedFlow.JobDone;

/** Runs one job of a {@link LimitedFlow} as a child, which may have to wait for a slot. */
@Workflow(name = "limited-parent", timeout = "30s")
public class LimitedParentFlow {
  public record Delegate(int job) implements StartEvent {}

  public record Delegating(int job) implements Event {}

  public record Delegated(int job) implements StopEvent {}

  private final CompiledWorkflow<Job, JobDone> jobs;

  public LimitedParentFlow(CompiledWorkflow<Job, JobDone> jobs) {
    this.jobs = jobs;
  }

  @Step
  Delegated delegate(Delegate delegate, Context<?> ctx) {
    ctx.writeEventToStream(new Delegating(delegate.job()));
    return new Delegated(ctx.runChild(jobs, new Job(delegate.job(), 0)).id());
  }
}
