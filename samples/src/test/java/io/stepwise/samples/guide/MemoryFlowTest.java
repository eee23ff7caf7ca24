package io.stepwise.samples.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.samples.guide.resources.MemoryFlow;
import io.stepwise.samples.guide.resources.MemoryFlow_Workflow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guide's resource example: both steps write into the one cached memory. */
class MemoryFlowTest {
  @Test
  void bothStepsStoreTheirMessageInTheSameMemory() {
    var stored = MemoryFlow_Workflow.of(new MemoryFlow()).run(new MemoryFlow.Begin()).result();
    assertEquals(new MemoryFlow.Stored("Messages stored",
        List.of("user_id_123: First step", "user_id_123: Input for step 2")), stored);
  }
}
