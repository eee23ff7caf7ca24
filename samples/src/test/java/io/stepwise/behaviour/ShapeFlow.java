package io.stepwise.behaviour;

import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/** A sealed union as a return type: each variant goes only to the step that accepts it. */
@Workflow
public class ShapeFlow {
  public record Measure(String kind, double size) implements StartEvent {}
  public sealed interface Shape extends Event permits Circle, Square {}
  public record Circle(double radius) implements Shape {}
  public record Square(double side) implements Shape {}
  public record Area(String by, double value) implements StopEvent {}

  @Step
  Shape classify(Measure measure) {
    return measure.kind().equals("circle") ? new Circle(measure.size()) : new Square(measure.size());
  }

  @Step
  Area circle(Circle circle) {
    return new Area("circle", Math.PI * circle.radius() * circle.radius());
  }

  @Step
  Area square(Square square) {
    return new Area("square", square.side() * square.side());
  }
}
