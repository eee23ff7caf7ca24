package io.stepwise.agents;

import java.util.List;

/**
 * What one model call of an agent produced, before the workflow acts on it.
 *
 * @param transcript the text kept in memory as the assistant's message
 * @param calls the tool calls asked for; empty when the model answered or could not be understood
 * @param answer the final answer, or null when there are calls or a problem
 * @param problem why the reply could not be understood (a ReAct reply in no known shape), or null;
 *     the model is told and asked again
 */
public record ModelTurn(String transcript, List<RequestedCall> calls, String answer, String problem) {
  public ModelTurn {
    calls = List.copyOf(calls);
  }

  static ModelTurn answer(String transcript, String answer) {
    return new ModelTurn(transcript, List.of(), answer, null);
  }

  static ModelTurn calls(String transcript, List<RequestedCall> calls) {
    return new ModelTurn(transcript, calls, null, null);
  }

  static ModelTurn unreadable(String transcript, String problem) {
    return new ModelTurn(transcript, List.of(), null, problem);
  }
}
