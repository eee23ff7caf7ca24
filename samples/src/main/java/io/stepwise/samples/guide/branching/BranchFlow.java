package io.stepwise.samples.guide.branching;

import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.util.random.RandomGenerator;

/**
 * The guide's branching pattern (section 3.2.b): the first step returns one of two events (a
 * sealed union), and each branch runs its own two steps to the end.
 */
@Workflow(timeout = "10s")
public class BranchFlow {
  /** Starts a run. */
  public record Begin() implements StartEvent {}

  /** The first step's choice: branch A or branch B. */
  public sealed interface Branch extends Event permits BranchA1Event, BranchB1Event {}

  /** Entered branch A. */
  public record BranchA1Event(String payload) implements Branch {}

  /** Second step of branch A. */
  public record BranchA2Event(String payload) implements Event {}

  /** Entered branch B. */
  public record BranchB1Event(String payload) implements Branch {}

  /** Second step of branch B. */
  public record BranchB2Event(String payload) implements Event {}

  /** The run's result: which branch completed. */
  public record BranchDone(String result) implements StopEvent {}

  private final RandomGenerator random;

  /** A flow that flips {@code random}'s coin; pass a seeded generator for a repeatable run. */
  public BranchFlow(RandomGenerator random) {
    this.random = random;
  }

  @Step
  Branch start(Begin ev) {
    return random.nextInt(2) == 0 ? new BranchA1Event("Branch A") : new BranchB1Event("Branch B");
  }

  @Step
  BranchA2Event stepA1(BranchA1Event ev) {
    return new BranchA2Event(ev.payload());
  }

  @Step
  BranchB2Event stepB1(BranchB1Event ev) {
    return new BranchB2Event(ev.payload());
  }

  @Step
  BranchDone stepA2(BranchA2Event ev) {
    return new BranchDone("Branch A complete.");
  }

  @Step
  BranchDone stepB2(BranchB2Event ev) {
    return new BranchDone("Branch B complete.");
  }
}
