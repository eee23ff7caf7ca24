package io.stepwise.crashtest;

import java.util.List;
import java.util.stream.Collectors;

/** Every crash-test shape, by its name on the command line or its workflow's name in a store. */
public final class Shapes {
  /** In the order the driver cycles through them. */
  public static final List<Shape<?, ?>> ALL =
      List.of(FanOutFlow.SHAPE, JoinFlow.SHAPE, RetryFlow.SHAPE, WaitFlow.SHAPE, ChildFlow.SHAPE);

  private Shapes() {}

  /** The shape called {@code name} on the command line. */
  public static Shape<?, ?> named(String name) {
    return ALL.stream().filter(shape -> shape.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown shape '" + name + "'; the shapes are " + names() + "."));
  }

  /** The shape whose workflow is called {@code workflow}, as a stored run names it. */
  public static Shape<?, ?> ofWorkflow(String workflow) {
    return ALL.stream().filter(shape -> shape.workflow().equals(workflow)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("The stored run is of workflow '" + workflow
            + "', which is not a crash-test workflow; the crash-test workflows are "
            + ALL.stream().map(Shape::workflow).toList() + "."));
  }

  /** The shapes' names, comma-separated. */
  public static String names() {
    return ALL.stream().map(Shape::name).collect(Collectors.joining(","));
  }
}
