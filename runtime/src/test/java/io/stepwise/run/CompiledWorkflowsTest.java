package io.stepwise.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.CompiledWorkflow;
import io.stepwise.CompiledWorkflows;
import io.stepwise.MapStartEvent;
import io.stepwise.ResultEvent;
import io.stepwise.fixture.JokeFlow;
import io.stepwise.fixture.JokeFlow.JokeResult;
import io.stepwise.fixture.JokeFlow.TopicEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class CompiledWorkflowsTest {
  /** A workflow class the processor never saw: no generated definition lists it. */
  static final class Unprocessed {}

  @Test
  void findsTheGeneratedWorkflowOfAClassThroughTheServiceFile() {
    CompiledWorkflow<TopicEvent, JokeResult> workflow =
        CompiledWorkflows.of(JokeFlow.class, new JokeFlow(), TopicEvent.class, JokeResult.class);

    JokeResult result = workflow.run(new TopicEvent("pirate")).result();

    assertEquals("JokeFlow", workflow.name());
    assertEquals(new JokeResult("Why did the pirate cross the road?", "too short"), result);
  }

  @Test
  void aClassWithoutGeneratedCodeFailsSayingHowToRunTheProcessor() {
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> CompiledWorkflows.of(Unprocessed.class, new Unprocessed(), MapStartEvent.class, ResultEvent.class));

    assertEquals("No generated workflow for io.stepwise.run.CompiledWorkflowsTest.Unprocessed: the Stepwise"
        + " annotation processor did not run on it. Add io.stepwise:stepwise-processor to maven-compiler-plugin's"
        + " annotationProcessorPaths (Gradle: the annotationProcessor configuration); JDK 23 and later ignore"
        + " processors on the class path. Check that Unprocessed is annotated @Workflow. See"
        + " docs/getting-started.md in the Stepwise repository", error.getMessage());
  }

  @Test
  void otherEventTypesThanTheGeneratedCodesFailNamingBoth() {
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> CompiledWorkflows.of(JokeFlow.class, new JokeFlow(), TopicEvent.class, ResultEvent.class));

    assertEquals("Workflow io.stepwise.fixture.JokeFlow starts with io.stepwise.fixture.JokeFlow.TopicEvent and"
        + " stops with io.stepwise.fixture.JokeFlow.JokeResult, not io.stepwise.fixture.JokeFlow.TopicEvent and"
        + " io.stepwise.ResultEvent; pass its own start and stop event types", error.getMessage());
  }
}
