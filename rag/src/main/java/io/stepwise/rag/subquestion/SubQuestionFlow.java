package io.stepwise.rag.subquestion;

import io.stepwise.Context;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import io.stepwise.rag.chunk.Chunk;
import io.stepwise.rag.query.QueryEvents.Citation;
import io.stepwise.rag.rerank.Reranker;
import io.stepwise.rag.retrieve.Retriever;
import io.stepwise.rag.store.ScoredChunk;
import io.stepwise.rag.subquestion.SubQuestionEvents.CombinedAnswer;
import io.stepwise.rag.subquestion.SubQuestionEvents.Question;
import io.stepwise.rag.subquestion.SubQuestionEvents.SubAnswer;
import io.stepwise.rag.subquestion.SubQuestionEvents.SubQuestion;
import io.stepwise.rag.synthesize.ResponseSynthesizer;
import io.stepwise.rag.synthesize.Synthesis;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Answers a question that spans several topics: splits it into sub-questions, answers each on
 * its own branch (retrieve, rerank, synthesize, in parallel), then writes one answer from the
 * sub-answers: LlamaIndex's {@code SubQuestionQueryEngine} as a fan-out / fan-in workflow.
 */
@Workflow(name = "rag-sub-question", timeout = "5m")
public class SubQuestionFlow {
  static final String SUB_QUESTION_COUNT = "rag.subQuestions";
  static final String ORIGINAL_QUESTION = "rag.question";

  private final QuestionDecomposer decomposer;
  private final Retriever retriever;
  private final Reranker reranker;
  private final ResponseSynthesizer synthesizer;

  public SubQuestionFlow(QuestionDecomposer decomposer, Retriever retriever, Reranker reranker, ResponseSynthesizer synthesizer) {
    if (decomposer == null || retriever == null || reranker == null || synthesizer == null) {
      throw new IllegalArgumentException("a SubQuestionFlow needs a decomposer, a retriever, a reranker and a synthesizer");
    }
    this.decomposer = decomposer;
    this.retriever = retriever;
    this.reranker = reranker;
    this.synthesizer = synthesizer;
  }

  @Step
  List<SubQuestion> decompose(Question ev, Context<?> ctx) {
    List<String> questions = decomposer.decompose(ev.question());
    if (questions.isEmpty()) {
      throw new IllegalStateException("The decomposer returned no sub-question for: " + ev.question()
          + ". A decomposer must return at least the question itself.");
    }
    ctx.store().put(SUB_QUESTION_COUNT, questions.size());
    ctx.store().put(ORIGINAL_QUESTION, ev.question());
    List<SubQuestion> subs = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      subs.add(new SubQuestion(i, questions.get(i)));
    }
    return subs;
  }

  @Step
  SubAnswer answer(SubQuestion ev) {
    List<ScoredChunk> sources = reranker.rerank(ev.question(), retriever.retrieve(ev.question()));
    Synthesis s = synthesizer.synthesize(ev.question(), sources);
    List<Citation> citations = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      Chunk c = sources.get(i).chunk();
      citations.add(new Citation(i + 1, c.source(), c.heading(), sources.get(i).score()));
    }
    return new SubAnswer(ev.index(), ev.question(), s.answer(), citations);
  }

  @Step
  Optional<CombinedAnswer> combine(SubAnswer ev, Context<?> ctx) {
    int expected = ((Number) ctx.store().get(SUB_QUESTION_COUNT)).intValue();
    return ctx.collectEvents(ev, Collections.nCopies(expected, SubAnswer.class)).map(all -> {
      List<SubAnswer> answers = all.stream().map(e -> (SubAnswer) e)
          .sorted(Comparator.comparingInt(SubAnswer::index)).toList();
      // The sub-answers are the final synthesis's sources, as LlamaIndex passes its
      // sub-question/answer pairs on as nodes: [n] in the answer is sub-question n.
      List<ScoredChunk> asSources = answers.stream()
          .map(a -> new ScoredChunk(new Chunk("sub-question#" + a.index(), "sub-question " + (a.index() + 1), a.question(), a.answer()), 1.0))
          .toList();
      String question = (String) ctx.store().get(ORIGINAL_QUESTION);
      Synthesis s = synthesizer.synthesize(question, asSources);
      return new CombinedAnswer(question, s.answer(), s.synthesizer(), answers);
    });
  }
}
