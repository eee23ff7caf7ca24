package io.stepwise.benchmarks.flows;

import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/** Shape S1: ten steps in a line, each emitting the next event with the value plus one. */
@Workflow
public class ChainFlow {
  public record Seed(int value) implements StartEvent {}
  public record Hop1(int value) implements Event {}
  public record Hop2(int value) implements Event {}
  public record Hop3(int value) implements Event {}
  public record Hop4(int value) implements Event {}
  public record Hop5(int value) implements Event {}
  public record Hop6(int value) implements Event {}
  public record Hop7(int value) implements Event {}
  public record Hop8(int value) implements Event {}
  public record Hop9(int value) implements Event {}
  public record Done(int value) implements StopEvent {}

  /** Steps per run, for reporting time per step. */
  public static final int STEPS = 10;

  @Step Hop1 step1(Seed e) { return new Hop1(e.value() + 1); }
  @Step Hop2 step2(Hop1 e) { return new Hop2(e.value() + 1); }
  @Step Hop3 step3(Hop2 e) { return new Hop3(e.value() + 1); }
  @Step Hop4 step4(Hop3 e) { return new Hop4(e.value() + 1); }
  @Step Hop5 step5(Hop4 e) { return new Hop5(e.value() + 1); }
  @Step Hop6 step6(Hop5 e) { return new Hop6(e.value() + 1); }
  @Step Hop7 step7(Hop6 e) { return new Hop7(e.value() + 1); }
  @Step Hop8 step8(Hop7 e) { return new Hop8(e.value() + 1); }
  @Step Hop9 step9(Hop8 e) { return new Hop9(e.value() + 1); }
  @Step Done step10(Hop9 e) { return new Done(e.value() + 1); }
}
