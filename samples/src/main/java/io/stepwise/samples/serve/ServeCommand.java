package io.stepwise.samples.serve;

import io.stepwise.samples.extraction.ExtractionFlow;
import io.stepwise.samples.extraction.ExtractionPrompts;
import io.stepwise.samples.guide.branching.BranchFlow;
import io.stepwise.samples.guide.concurrent.CollectingFlow;
import io.stepwise.samples.guide.concurrent.ConcurrentFlow;
import io.stepwise.samples.guide.fanout.FanInFanOutFlow;
import io.stepwise.samples.guide.hitl.HumanInTheLoopFlow;
import io.stepwise.samples.guide.hitl.WaitingFlow;
import io.stepwise.samples.guide.joke.JokeFlow;
import io.stepwise.samples.guide.joke.JokePrompts;
import io.stepwise.samples.guide.parallel.ParallelFlow;
import io.stepwise.samples.guide.state.StateFlow;
import io.stepwise.samples.guide.streaming.StreamingJokeFlow;
import io.stepwise.samples.hitl.ApprovalFlow;
import io.stepwise.samples.hitl.ReviewFlow;
import io.stepwise.samples.llm.ChatModels;
import io.stepwise.samples.llm.ChatModels.ChosenModel;
import io.stepwise.samples.llm.ModelSettings;
import io.stepwise.samples.state.TallyFlow;
import io.stepwise.samples.triage.Lexicon;
import io.stepwise.samples.triage.TriageFlow;
import io.stepwise.server.WorkflowServer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code serve}: the samples behind LlamaIndex's workflow HTTP protocol, with LlamaIndex's
 * debugger at {@code /} (see docs/server.md).
 */
public final class ServeCommand {
  public static final String USAGE = """
        serve [--port N] [--host H] [--db JDBC_URL] [--token T] [--debugger DIST]
                                               serve the samples over LlamaIndex's workflow HTTP
                                               protocol; open http://127.0.0.1:8080/ for the debugger
                                               (default port 8080, host 127.0.0.1, database
                                               jdbc:sqlite:stepwise-server.db; DIST: a local copy of
                                               @llamaindex/workflow-debugger's dist/, else the CDN)
      """;

  private ServeCommand() {}

  /** Starts the server and serves until the process is stopped; returns 2 on bad usage. */
  public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    WorkflowServer server;
    try {
      server = start(args, env, out);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.print("usage:\n" + USAGE);
      return 2;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    try {
      Thread.currentThread().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /**
   * Builds and starts the server from the command's words, printing where it listens.
   *
   * @throws IllegalArgumentException on bad usage
   */
  public static WorkflowServer start(List<String> args, Map<String, String> env, PrintStream out) {
    WorkflowServer.Builder builder = WorkflowServer.builder();
    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      if (i + 1 == args.size()) {
        throw new IllegalArgumentException(option.startsWith("--") ? option + " needs a value."
            : "Unknown argument '" + option + "'. serve takes --port, --host, --db, --token and --debugger.");
      }
      String value = args.get(++i);
      switch (option) {
        case "--port" -> builder.port(port(value));
        case "--host" -> builder.host(value);
        case "--db" -> builder.database(value);
        case "--token" -> builder.bearerToken(value);
        case "--debugger" -> builder.debuggerDist(Path.of(value));
        default -> throw new IllegalArgumentException("Unknown option '" + option
            + "'. serve takes --port, --host, --db, --token and --debugger.");
      }
    }
    ChosenModel model = ChatModels.choose(ModelSettings.from(env), ExtractionPrompts.script());
    samples(builder, model);
    WorkflowServer server = builder.build().start();
    out.println(model.banner());
    out.println("Stepwise workflow server on http://127.0.0.1:" + server.port() + "/ (LlamaIndex's debugger)");
    out.println("workflows: " + String.join(", ", server.workflowNames()));
    if (!server.resumedHandlers().isEmpty()) {
      out.println("resumed: " + String.join(", ", server.resumedHandlers()));
    }
    return server;
  }

  private static int port(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port takes a number, was '" + value + "'.");
    }
  }

  /** Adds the samples that run without a terminal: each under its workflow name. */
  static void samples(WorkflowServer.Builder builder, ChosenModel model) {
    builder.workflow(ExtractionFlow.class, new ExtractionFlow(model.model()))
        .workflow(TriageFlow.class, new TriageFlow(new Lexicon()))
        .workflow(JokeFlow.class, new JokeFlow(JokePrompts.script()))
        .workflow(StreamingJokeFlow.class, new StreamingJokeFlow(JokePrompts.script()))
        .workflow(StateFlow.class, new StateFlow())
        .workflow(ParallelFlow.class, new ParallelFlow())
        .workflow(ConcurrentFlow.class, new ConcurrentFlow())
        .workflow(CollectingFlow.class, new CollectingFlow())
        .workflow(HumanInTheLoopFlow.class, new HumanInTheLoopFlow())
        .workflow(WaitingFlow.class, new WaitingFlow())
        .workflow(BranchFlow.class, new BranchFlow(new Random()))
        .workflow(FanInFanOutFlow.class, new FanInFanOutFlow())
        .workflow(TallyFlow.class, new TallyFlow())
        .workflow(ApprovalFlow.class, new ApprovalFlow())
        .workflow(ReviewFlow.class, new ReviewFlow());
  }
}
