package io.stepwise.samples.guide.hitl;

import io.stepwise.Event;
import io.stepwise.WorkflowHandler;
import io.stepwise.samples.guide.hitl.HumanInTheLoopFlow.Answer;
import io.stepwise.samples.guide.hitl.HumanInTheLoopFlow.Answered;
import io.stepwise.samples.guide.hitl.HumanInTheLoopFlow.AskNumber;
import io.stepwise.samples.guide.hitl.HumanInTheLoopFlow.Begin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Optional;

/**
 * Runs {@link HumanInTheLoopFlow} the guide's "pausable" way: read the stream until input is
 * required, stop reading, ask the person, send the answer, then read the rest of the stream.
 * The answer comes from standard input, or from the first argument when one is given.
 */
public final class HumanInTheLoopMain {
  private HumanInTheLoopMain() {}

  public static void main(String[] args) {
    run(System.out, args.length > 0 ? Optional.of(args[0]) : Optional.empty());
  }

  /** Runs the sample; the answer is {@code given}, echoed as if typed, or else a line of standard input. */
  public static void run(PrintStream out, Optional<String> given) {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    WorkflowHandler<Answered> run = HumanInTheLoopFlow_Workflow.of(new HumanInTheLoopFlow()).run(new Begin());

    // Pause at human input: the stream is an iterator we can leave and come back to.
    Iterator<Event> stream = run.events().iterator();
    AskNumber question = null;
    while (question == null && stream.hasNext()) {
      if (stream.next() instanceof AskNumber ask) {
        question = ask;
      }
    }
    if (question == null) {
      throw new IllegalStateException("the run ended without asking for input: " + run.result());
    }

    out.print(question.prefix());
    out.flush();
    String response = given.orElseGet(() -> readLine(in));
    given.ifPresent(out::println);
    run.sendEvent(new Answer(response));

    // Resume: drain the rest of the stream, then take the result.
    stream.forEachRemaining(event -> { });
    out.println("result: " + run.result().response());
  }

  private static String readLine(BufferedReader in) {
    try {
      String line = in.readLine();
      if (line == null) {
        throw new IllegalStateException("standard input ended before an answer was given; pass the answer as the first argument");
      }
      return line.strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
