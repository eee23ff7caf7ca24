package io.stepwise.rag.synthesize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.stepwise.rag.chunk.Chunk;
import io.stepwise.rag.store.ScoredChunk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SynthesizerTest {
  private static final List<ScoredChunk> SOURCES = List.of(
      new ScoredChunk(new Chunk("p#0", "docs/persistence.md", "Run stores", """
          A run store keeps checkpoints. To resume a run, call `resume(runId, store)`.

          ```java
          wf.resume(id, store);
          ```
          Unrelated closing words here."""), 0.6),
      new ScoredChunk(new Chunk("h#0", "docs/hitl.md", "", "You can resume a paused run in another process."), 0.4));

  @Test
  void extractiveQuotesTheSentencesSharingMostWordsWithTheQuestion() {
    Synthesis s = new ExtractiveSynthesizer(2).synthesize("how do I resume a run?", SOURCES);

    assertEquals("- To resume a run, call `resume(runId, store)`. [1]\n- You can resume a paused run in another process. [2]", s.answer());
    assertEquals(ExtractiveSynthesizer.LABEL, s.synthesizer());
  }

  @Test
  void everySourceWithAMatchingSentenceIsQuotedBeforeASecondSentenceOfTheFirst() {
    List<ScoredChunk> sources = List.of(
        new ScoredChunk(new Chunk("a#0", "a.md", "", "Resume a run with resume. A run can resume later."), 0.6),
        new ScoredChunk(new Chunk("b#0", "b.md", "", "Nothing related here. Runs end."), 0.5));

    Synthesis s = new ExtractiveSynthesizer(2).synthesize("how do I resume a run?", sources);

    assertEquals("- Resume a run with resume. [1]\n- Runs end. [2]", s.answer());
  }

  @Test
  void noSourcesMeansNoAnswerNotAGuess() {
    assertEquals(new Synthesis(ResponseSynthesizer.NO_SOURCES, ExtractiveSynthesizer.LABEL),
        new ExtractiveSynthesizer(3).synthesize("anything", List.of()));
  }

  @Test
  void llmGetsTheNumberedSourcesWithTheirHeadingsThenTheQuestion() {
    List<String> prompts = new ArrayList<>();
    ChatModel model = new ChatModel() {
      @Override
      public ChatResponse doChat(ChatRequest request) {
        prompts.add(((UserMessage) request.messages().getLast()).singleText());
        return ChatResponse.builder().aiMessage(AiMessage.from("  Call resume [1].\n")).build();
      }
    };

    Synthesis s = new LlmSynthesizer(model, "model: test").synthesize("how do I resume a run?", SOURCES.subList(1, 2));

    assertEquals(new Synthesis("Call resume [1].", "model: test"), s);
    assertEquals("""
        Answer the question using only the numbered sources below. After each claim, cite the \
        source it comes from as [n]. If the sources do not answer the question, say so; do not \
        use other knowledge. Be brief.

        [1] docs/hitl.md
        You can resume a paused run in another process.

        Question: how do I resume a run?
        """, prompts.getFirst());
  }
}
