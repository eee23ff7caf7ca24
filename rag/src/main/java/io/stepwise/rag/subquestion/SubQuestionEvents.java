package io.stepwise.rag.subquestion;

import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.rag.query.QueryEvents.Citation;
import java.util.List;

/** The events of {@link SubQuestionFlow}. */
public final class SubQuestionEvents {
  private SubQuestionEvents() {}

  /** Starts a run on a question that may span several topics. */
  public record Question(String question) implements StartEvent {}

  /** One sub-question, answered on its own branch. */
  public record SubQuestion(int index, String question) implements Event {}

  /**
   * A sub-question's answer.
   *
   * @param index its position among the sub-questions, from 0
   * @param sources what its answer cites, numbered for that answer
   */
  public record SubAnswer(int index, String question, String answer, List<Citation> sources) implements Event {}

  /**
   * The combined answer.
   *
   * @param answer written from the sub-answers, which it cites as {@code [n]}, n from 1
   * @param subAnswers every sub-question with its answer and sources, in order
   */
  public record CombinedAnswer(String question, String answer, String synthesizer, List<SubAnswer> subAnswers)
      implements StopEvent {}
}
