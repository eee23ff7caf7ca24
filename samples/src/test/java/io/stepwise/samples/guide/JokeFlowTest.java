package io.stepwise.samples.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.Event;
import io.stepwise.WorkflowHandler;
import io.stepwise.samples.guide.joke.JokeFlow;
import io.stepwise.samples.guide.joke.JokeFlow_Workflow;
import io.stepwise.samples.guide.joke.JokePrompts;
import io.stepwise.samples.guide.streaming.StreamingJokeFlow;
import io.stepwise.samples.guide.streaming.StreamingJokeFlow_Workflow;
import io.stepwise.samples.llm.RecordedOpenAiServer;
import io.stepwise.samples.llm.ScriptedChatModel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The guide's joke workflows, on the scripted model and over HTTP on recorded responses. */
@Timeout(60)
class JokeFlowTest {
  @Test
  void scriptedModelWritesAndCritiquesTheJoke() {
    ScriptedChatModel model = JokePrompts.script();

    JokeFlow.CritiqueEvent result = JokeFlow_Workflow.of(new JokeFlow(model)).run(new JokeFlow.TopicEvent("pirates")).result();

    assertEquals(JokePrompts.SCRIPTED_CRITIQUE, result.critique());
    assertEquals(List.of("Write your best joke about pirates.",
        "Give a thorough analysis and critique of the following joke: " + JokePrompts.SCRIPTED_JOKE), model.prompts());
  }

  @Test
  void realClientRunsTheWorkflowAgainstRecordedServer() {
    try (RecordedOpenAiServer server = RecordedOpenAiServer.serving("joke-pirates", "joke-critique")) {
      JokeFlow.CritiqueEvent result = JokeFlow_Workflow.of(new JokeFlow(server.client("gpt-4o-mini")))
          .run(new JokeFlow.TopicEvent("pirates")).result();

      assertEquals("A pun on the pirate's \"arrr\": quick, family-friendly, and built on a sound everyone knows."
          + " It relies entirely on the stereotype, so it earns a smile rather than a laugh.", result.critique());
      assertEquals("Give a thorough analysis and critique of the following joke: "
          + "Why did the pirate go to school? To improve his arrrticulation!", server.received().get(1).lastUserContent());
    }
  }

  @Test
  void streamingVariantPublishesTheJokeBeforeTheResult() {
    WorkflowHandler<StreamingJokeFlow.CritiqueEvent> run = StreamingJokeFlow_Workflow.of(new StreamingJokeFlow(JokePrompts.script()))
        .run(new StreamingJokeFlow.TopicEvent("pirates"));

    List<Event> stream = run.events().toList();

    assertEquals(List.of(new StreamingJokeFlow.JokeEvent(JokePrompts.SCRIPTED_JOKE),
        new StreamingJokeFlow.CritiqueEvent(JokePrompts.SCRIPTED_CRITIQUE)), stream);
  }
}
