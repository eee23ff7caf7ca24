package io.stepwise.rag.subquestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.stepwise.rag.RepositoryDocs;
import io.stepwise.rag.rerank.Reranker;
import io.stepwise.rag.retrieve.VectorRetriever;
import io.stepwise.rag.subquestion.SubQuestionEvents.CombinedAnswer;
import io.stepwise.rag.subquestion.SubQuestionEvents.Question;
import io.stepwise.rag.subquestion.SubQuestionEvents.SubAnswer;
import io.stepwise.rag.synthesize.ExtractiveSynthesizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubQuestionFlowTest {
  private static SubQuestionFlow flow(QuestionDecomposer decomposer) {
    return new SubQuestionFlow(decomposer,
        new VectorRetriever(RepositoryDocs.MINI_LM, RepositoryDocs.index().store(), 3, VectorRetriever.DEFAULT_MIN_SCORE),
        Reranker.keepTop(3), new ExtractiveSynthesizer(2));
  }

  @Test
  void eachSubQuestionIsAnsweredFromItsOwnSourcesThenCombined() {
    String question = "How do I resume a run, and how do I draw my workflow as a diagram?";
    QuestionDecomposer fixed = q -> List.of("how do I resume a run?", "How can I draw my workflow as a diagram?");

    CombinedAnswer answer = SubQuestionFlow_Workflow.of(flow(fixed)).run(new Question(question)).result();

    assertEquals(question, answer.question());
    assertEquals(List.of(0, 1), answer.subAnswers().stream().map(SubAnswer::index).toList());
    assertEquals("docs/persistence.md", answer.subAnswers().get(0).sources().getFirst().file());
    assertEquals("docs/visualization.md", answer.subAnswers().get(1).sources().getFirst().file());
    assertEquals(ExtractiveSynthesizer.LABEL, answer.synthesizer());
    // The combined answer quotes the sub-answers: [1] is the first sub-question, [2] the second.
    assertTrue(answer.answer().contains("[1]") && answer.answer().contains("[2]"), answer.answer());
  }

  @Test
  void aDecomposerThatReturnsNothingFailsTheRun() {
    var e = assertThrows(RuntimeException.class,
        () -> SubQuestionFlow_Workflow.of(flow(q -> List.of())).run(new Question("anything")).result());

    assertEquals("The decomposer returned no sub-question for: anything. A decomposer must return at least the question itself.",
        e.getCause().getMessage());
  }

  @Test
  void llmDecomposerReadsOneQuestionPerLineWithoutListMarkers() {
    ChatModel model = new ChatModel() {
      @Override
      public ChatResponse doChat(ChatRequest request) {
        return ChatResponse.builder().aiMessage(AiMessage.from("1. How do I resume a run?\n- How do I draw a graph?\n\n3) Third?\nFourth?")).build();
      }
    };

    assertEquals(List.of("How do I resume a run?", "How do I draw a graph?", "Third?"),
        new LlmQuestionDecomposer(model, 3).decompose("both"));
  }
}
