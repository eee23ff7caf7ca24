package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.Event;
import io.stepwise.spi.StepDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Generated code for inherited steps, overrides, sinks, and a workflow that runs itself. */
@Timeout(30)
class InheritanceAndSinksTest {

  @Test
  void inheritedStepsRunAndCallTheSubclassThroughTheInstance() {
    var run = PoliteFlow_Workflow.of(new PoliteFlow()).run(new GreetingBase.Name("Ada"));

    List<Event> stream = run.events().toList();

    assertEquals(List.of(new GreetingBase.Audit("greet"), new GreetingBase.Card("Good day, Ada. Regards")), stream);
    assertEquals(new GreetingBase.Card("Good day, Ada. Regards"), run.result());
  }

  @Test
  void overridingStepReplacesTheInheritedOne() {
    var result = ShoutingFlow_Workflow.of(new ShoutingFlow()).run(new GreetingBase.Name("Ada")).result();

    assertEquals(new GreetingBase.Card("GOOD DAY, ADA!"), result);
  }

  @Test
  void ownStepsComeFirstThenSuperclassesThenInterfaces() {
    assertEquals(List.of("greet", "sign"), names(new PoliteFlow_Workflow().steps()));
    assertEquals(List.of("sign", "greet"), names(new ShoutingFlow_Workflow().steps()));
  }

  private static List<String> names(List<StepDescriptor> steps) {
    return steps.stream().map(StepDescriptor::name).toList();
  }

  @Test
  void sinkStepRunsAndItsStreamWriteBeforeTheStopIsDelivered() {
    var run = SinkFlow_Workflow.of(new SinkFlow()).run(new SinkFlow.Order("tea"));

    List<Event> stream = run.events().toList();

    assertEquals(List.of(new SinkFlow.Logged("placed tea"), new SinkFlow.Receipt("tea")), stream);
  }

  @Test
  void workflowClassThatRunsItselfCompilesAndRuns() {
    assertEquals(42, new SelfRunningFlow().runOnce(21));
  }
}
