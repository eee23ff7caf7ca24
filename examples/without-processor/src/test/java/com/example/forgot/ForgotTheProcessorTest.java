package com.example.forgot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.forgot.EchoFlow.Said;
import com.example.forgot.EchoFlow.Say;
import io.stepwise.CompiledWorkflows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ForgotTheProcessorTest {
  @Test
  void lookingTheWorkflowUpSaysHowToAddTheProcessor() {
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> CompiledWorkflows.of(EchoFlow.class, new EchoFlow(), Say.class, Said.class));

    assertEquals("No generated workflow for com.example.forgot.EchoFlow: the Stepwise annotation processor did not"
        + " run on it. Add io.stepwise:stepwise-processor to maven-compiler-plugin's annotationProcessorPaths"
        + " (Gradle: the annotationProcessor configuration); JDK 23 and later ignore processors on the class path."
        + " Check that EchoFlow is annotated @Workflow. See docs/getting-started.md in the Stepwise repository",
        error.getMessage());
  }
}
