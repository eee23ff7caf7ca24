package io.stepwise.rag.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.CompiledWorkflow;
import io.stepwise.Event;
import io.stepwise.WorkflowHandler;
import io.stepwise.rag.RepositoryDocs;
import io.stepwise.rag.query.QueryEvents.Answer;
import io.stepwise.rag.query.QueryEvents.Citation;
import io.stepwise.rag.query.QueryEvents.Query;
import io.stepwise.rag.query.QueryEvents.SourcesFound;
import io.stepwise.rag.rerank.Reranker;
import io.stepwise.rag.retrieve.VectorRetriever;
import io.stepwise.rag.synthesize.ExtractiveSynthesizer;
import io.stepwise.rag.synthesize.ResponseSynthesizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The query workflow over the repository's docs/, with all-MiniLM-L6-v2 and the extractive synthesizer. */
class QueryFlowTest {
  private static CompiledWorkflow<Query, Answer> flow() {
    return QueryFlow_Workflow.of(new QueryFlow(
        new VectorRetriever(RepositoryDocs.MINI_LM, RepositoryDocs.index().store(), 5, VectorRetriever.DEFAULT_MIN_SCORE),
        Reranker.keepTop(3), new ExtractiveSynthesizer(3)));
  }

  @Test
  void answerCitesTheSectionOnResumingARun() {
    Answer answer = flow().run(new Query("how do I resume a run?")).result();

    assertEquals(3, answer.sources().size());
    Citation first = answer.sources().getFirst();
    assertEquals("docs/persistence.md", first.file());
    assertEquals("Persistence > Snapshots", first.heading());
    assertEquals(List.of(1, 2, 3), answer.sources().stream().map(Citation::number).toList());
    assertEquals(ExtractiveSynthesizer.LABEL, answer.synthesizer());
    assertTrue(answer.answer().contains("resume"), answer.answer());
    assertTrue(answer.answer().lines().allMatch(l -> l.matches("- .+ \\[[123]\\]")), answer.answer());
  }

  @Test
  void sourcesAreOnTheStreamBeforeTheAnswer() {
    WorkflowHandler<Answer> handler = flow().run(new Query("how do I draw my workflow as a diagram?"));
    List<Event> events = handler.events().toList();
    Answer answer = handler.result();

    SourcesFound found = (SourcesFound) events.stream().filter(e -> e instanceof SourcesFound).findFirst().orElseThrow();
    assertEquals(answer.sources(), found.sources());
    assertEquals("docs/visualization.md", answer.sources().getFirst().file());
    assertTrue(events.indexOf(found) < events.size() - 1, "the sources come before the terminal event");
  }

  @Test
  void offTopicQuestionFindsNoSourceAboveTheThreshold() {
    Answer answer = flow().run(new Query("What is the capital of France?")).result();

    assertEquals(List.of(), answer.sources());
    assertEquals(ResponseSynthesizer.NO_SOURCES, answer.answer());
  }

  @Test
  void answerRoundTripsThroughTheGeneratedCodecs() {
    CompiledWorkflow<Query, Answer> flow = flow();
    Answer answer = flow.run(new Query("how do I resume a run?")).result();

    assertEquals(answer, flow.json().read(flow.json().write(answer)));
  }

  @Test
  void blankQuestionFailsTheRunWithWhatToDo() {
    var e = assertThrows(RuntimeException.class, () -> flow().run(new Query("  ")).result());

    Throwable cause = e.getCause() == null ? e : e.getCause();
    assertEquals("The question is empty. Ask something, e.g. \"how do I resume a run?\"", cause.getMessage());
  }
}
