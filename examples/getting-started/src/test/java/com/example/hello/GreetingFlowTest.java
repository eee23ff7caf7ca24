package com.example.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.hello.GreetingFlow.Greet;
import com.example.hello.GreetingFlow.Greeting;
import io.stepwise.CompiledWorkflow;
import io.stepwise.CompiledWorkflows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class GreetingFlowTest {
  @Test
  void greetsByTheTidiedName() {
    CompiledWorkflow<Greet, Greeting> workflow = GreetingFlow_Workflow.of(new GreetingFlow());

    Greeting greeting = workflow.run(new Greet("  Ada ")).result();

    assertEquals(new Greeting("Hello, Ada!"), greeting);
  }

  @Test
  void findsTheGeneratedWorkflowByItsClass() {
    // Compiles even when the processor did not run, and then fails saying how to add it.
    CompiledWorkflow<Greet, Greeting> workflow =
        CompiledWorkflows.of(GreetingFlow.class, new GreetingFlow(), Greet.class, Greeting.class);

    assertEquals(new Greeting("Hello, stranger!"), workflow.run(new Greet(" ")).result());
  }
}
