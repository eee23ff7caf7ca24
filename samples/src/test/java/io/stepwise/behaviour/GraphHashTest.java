package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.stepwise.graph.GraphHash;
import io.stepwise.spi.StepDescriptor;
import io.stepwise.spi.WorkflowDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hash the processor writes at compile time is the one the runtime computes from the steps. */
class GraphHashTest {
  private static final List<WorkflowDefinition<?, ?, ?>> DEFINITIONS = List.of(
      new SnapshotFlows_HitlFlow_Workflow(), new SnapshotFlows_BusyFlow_Workflow(), new ShapeFlow_Workflow(),
      new JoinOrderFlow_Workflow(), new CargoFlow_Workflow(), new WaitFlows_ManyWaitersFlow_Workflow(),
      new FanInFlow_Workflow());

  @Test
  void compiledHashEqualsTheRuntimeHashOfTheSteps() {
    for (WorkflowDefinition<?, ?, ?> definition : DEFINITIONS) {
      assertEquals(hash(definition.steps()), definition.graphHash(), definition.name());
    }
  }

  @Test
  void differentGraphsHaveDifferentHashes() {
    assertEquals(DEFINITIONS.size(), DEFINITIONS.stream().map(WorkflowDefinition::graphHash).distinct().count());
    assertNotEquals(hash(new ShapeFlow_Workflow().steps()),
        hash(new ShapeFlow_Workflow().steps().subList(0, 1)));
  }

  private static String hash(List<StepDescriptor> steps) {
    return GraphHash.of(steps.stream().map(StepDescriptor::hashed).toList());
  }
}
