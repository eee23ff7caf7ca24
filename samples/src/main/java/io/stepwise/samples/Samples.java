package io.stepwise.samples;

import io.stepwise.samples.agents.CalculatorAgentDemo;
import io.stepwise.samples.agents.MultiAgentDemo;
import io.stepwise.samples.children.BriefingDemo;
import io.stepwise.samples.children.BriefingFlow;
import io.stepwise.samples.children.BriefingFlow_Workflow;
import io.stepwise.samples.children.ResearchFlow;
import io.stepwise.samples.rag.RagDemo;
import io.stepwise.samples.resources.NotesDemo;
import io.stepwise.samples.resources.NotesFlow;
import io.stepwise.samples.resources.NotesFlow_Workflow;
import io.stepwise.samples.extraction.ExtractionFlow;
import io.stepwise.samples.extraction.ExtractionFlow_Workflow;
import io.stepwise.samples.extraction.ExtractionPrompts;
import io.stepwise.samples.extraction.cli.ExtractionDemo;
import io.stepwise.samples.guide.branching.BranchFlow;
import io.stepwise.samples.guide.branching.BranchFlow_Workflow;
import io.stepwise.samples.guide.branching.BranchMain;
import io.stepwise.samples.guide.concurrent.CollectingFlow;
import io.stepwise.samples.guide.concurrent.CollectingFlow_Workflow;
import io.stepwise.samples.guide.concurrent.CollectingMain;
import io.stepwise.samples.guide.concurrent.ConcurrentFlow;
import io.stepwise.samples.guide.concurrent.ConcurrentFlow_Workflow;
import io.stepwise.samples.guide.concurrent.ConcurrentMain;
import io.stepwise.samples.guide.fanout.FanInFanOutFlow;
import io.stepwise.samples.guide.fanout.FanInFanOutFlow_Workflow;
import io.stepwise.samples.guide.fanout.FanInFanOutMain;
import io.stepwise.samples.guide.hitl.HumanInTheLoopFlow;
import io.stepwise.samples.guide.hitl.HumanInTheLoopFlow_Workflow;
import io.stepwise.samples.guide.hitl.HumanInTheLoopMain;
import io.stepwise.samples.guide.hitl.PausableMain;
import io.stepwise.samples.guide.hitl.WaitingFlow;
import io.stepwise.samples.guide.hitl.WaitingFlow_Workflow;
import io.stepwise.samples.guide.hitl.WaitingMain;
import io.stepwise.samples.guide.joke.JokeFlow;
import io.stepwise.samples.guide.joke.JokeFlow_Workflow;
import io.stepwise.samples.guide.joke.JokeMain;
import io.stepwise.samples.guide.joke.JokePrompts;
import io.stepwise.samples.guide.looping.LoopFlow;
import io.stepwise.samples.guide.looping.LoopFlow_Workflow;
import io.stepwise.samples.guide.looping.LoopMain;
import io.stepwise.samples.guide.parallel.ParallelFlow;
import io.stepwise.samples.guide.parallel.ParallelFlow_Workflow;
import io.stepwise.samples.guide.parallel.ParallelMain;
import io.stepwise.samples.guide.resources.MemoryFlow;
import io.stepwise.samples.guide.resources.MemoryFlow_Workflow;
import io.stepwise.samples.guide.resources.MemoryMain;
import io.stepwise.samples.guide.serialize.ArticleFlow;
import io.stepwise.samples.guide.serialize.ArticleFlow_Workflow;
import io.stepwise.samples.guide.serialize.SerializeMain;
import io.stepwise.samples.guide.state.StateFlow;
import io.stepwise.samples.guide.state.StateFlow_Workflow;
import io.stepwise.samples.guide.state.StateMain;
import io.stepwise.samples.guide.store.StoreFlow;
import io.stepwise.samples.guide.store.StoreFlow_Workflow;
import io.stepwise.samples.guide.store.StoreMain;
import io.stepwise.samples.guide.streaming.StreamingJokeFlow;
import io.stepwise.samples.guide.streaming.StreamingJokeFlow_Workflow;
import io.stepwise.samples.guide.streaming.StreamingJokeMain;
import io.stepwise.samples.hitl.ApprovalFlow;
import io.stepwise.samples.hitl.ApprovalFlow_Workflow;
import io.stepwise.samples.hitl.ReviewFlow;
import io.stepwise.samples.hitl.ReviewFlow_Workflow;
import io.stepwise.samples.state.TallyFlow;
import io.stepwise.samples.state.TallyFlow_Workflow;
import io.stepwise.samples.triage.Lexicon;
import io.stepwise.samples.triage.TriageDemo;
import io.stepwise.samples.triage.TriageFlow;
import io.stepwise.samples.triage.TriageFlow_Workflow;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** The samples the CLI knows, by name: a plain list, so finding one needs no reflection. */
public final class Samples {
  /** Every sample, in the order {@code list} prints them. */
  public static final List<Sample> ALL = List.of(
      new Sample("triage", "support-ticket triage: parallel analysis, a join, a sealed routing decision (offline)",
          () -> TriageFlow_Workflow.of(new TriageFlow(new Lexicon())).graph(), TriageDemo::run,
          () -> Sample.traced(TriageFlow_Workflow.of(new TriageFlow(new Lexicon())), TriageDemo.TICKETS.getFirst())),
      new Sample("extraction", "iterative extraction: parse a PDF, propose a schema, one feedback round, extract JSON",
          () -> ExtractionFlow_Workflow.of(new ExtractionFlow(ExtractionPrompts.script())).graph(), ExtractionDemo::run),
      new Sample("joke", "guide 2.4: two steps, each calling the model",
          () -> JokeFlow_Workflow.of(new JokeFlow(JokePrompts.script())).graph(), out -> JokeMain.run(out, "pirates")),
      new Sample("streaming", "guide 2.4: the joke written to the stream before the critique",
          () -> StreamingJokeFlow_Workflow.of(new StreamingJokeFlow(JokePrompts.script())).graph(),
          out -> StreamingJokeMain.run(out, "pirates")),
      new Sample("state", "guide 2.2.a: typed state, edited in one step and read in the next",
          () -> StateFlow_Workflow.of(new StateFlow()).graph(), StateMain::run),
      new Sample("store", "guide 2.2.b: a counter in the store, carried across runs with continueFrom",
          () -> StoreFlow_Workflow.of(new StoreFlow()).graph(), StoreMain::run),
      new Sample("serialize", "guide 2.2.d: the context as JSON after each step (a snapshot), restored into a new workflow",
          () -> ArticleFlow_Workflow.of(new ArticleFlow()).graph(), SerializeMain::run),
      new Sample("parallel", "guide 2.2.c: a void step that sends its event with ctx.sendEvent",
          () -> ParallelFlow_Workflow.of(new ParallelFlow()).graph(), ParallelMain::run),
      new Sample("concurrent", "guide 2.2.c: three workers in parallel, fan-in with a join",
          () -> ConcurrentFlow_Workflow.of(new ConcurrentFlow()).graph(), ConcurrentMain::run),
      new Sample("collect", "guide 2.2.c: three workers in parallel, fan-in with ctx.collectEvents",
          () -> CollectingFlow_Workflow.of(new CollectingFlow()).graph(), CollectingMain::run),
      new Sample("hitl", "guide 3.1: InputRequiredEvent and HumanResponseEvent, answered with 42",
          () -> HumanInTheLoopFlow_Workflow.of(new HumanInTheLoopFlow()).graph(),
          out -> HumanInTheLoopMain.run(out, Optional.of("42"))),
      new Sample("hitl-wait", "guide 3.1 in one step: ctx.waitForEvent blocks until the answer arrives",
          () -> WaitingFlow_Workflow.of(new WaitingFlow()).graph(), out -> WaitingMain.run(out, "42")),
      new Sample("hitl-durable", "guide 3.1 across processes: the run waits in a SQLite run store, resumed by id and answered",
          () -> HumanInTheLoopFlow_Workflow.of(new HumanInTheLoopFlow()).graph(), PausableMain::run),
      new Sample("loop", "guide 3.2.a: a step whose output brings the run back to it",
          () -> LoopFlow_Workflow.of(new LoopFlow(() -> true)).graph(), LoopMain::run),
      new Sample("branch", "guide 3.2.b: a sealed union return type, one branch per variant",
          () -> BranchFlow_Workflow.of(new BranchFlow(new Random(7))).graph(), BranchMain::run),
      new Sample("fanout", "guide 3.3: fan out with ctx.sendEvent, fan in with collectEvents and a count in the store",
          () -> FanInFanOutFlow_Workflow.of(new FanInFanOutFlow()).graph(), FanInFanOutMain::run),
      new Sample("tally", "ten concurrent state edits, undone when they throw; collectEvents",
          () -> TallyFlow_Workflow.of(new TallyFlow()).graph(), TallyFlow::run),
      new Sample("approval", "human in the loop with waitForEvent, matching the answer to the request",
          () -> ApprovalFlow_Workflow.of(new ApprovalFlow()).graph(), ApprovalFlow::run),
      new Sample("review", "human in the loop with events; the state carries the draft across steps",
          () -> ReviewFlow_Workflow.of(new ReviewFlow()).graph(), ReviewFlow::run),
      new Sample("memory", "guide 2.3: a @Provides memory both steps receive, created once",
          () -> MemoryFlow_Workflow.of(new MemoryFlow()).graph(), MemoryMain::run),
      new Sample("notes", "resources: a cached journal, a provider chain, a fresh scratch pad, named summarizers",
          () -> NotesFlow_Workflow.of(new NotesFlow()).graph(), NotesDemo::run,
          () -> Sample.traced(NotesFlow_Workflow.of(new NotesFlow()), new NotesFlow.Note("Draw the run, not only the graph"))),
      new Sample("briefing", "child workflows: each topic researched by a child run, its stream shown in the parent's",
          () -> BriefingFlow_Workflow.of(new BriefingFlow(new ResearchFlow())).graph(), BriefingDemo::run,
          () -> Sample.traced(BriefingFlow_Workflow.of(new BriefingFlow(new ResearchFlow())),
              new BriefingFlow.Request(List.of("otters", "owls")))),
      new Sample("rag", "retrieval-augmented answer over docs/: ingest and query workflows, MiniLM embeddings, cited sources",
          () -> RagDemo.graphOnly().graph(), RagDemo::run),
      new Sample("agent", "agents: a function-calling agent with a lookup tool and arithmetic tools (scripted model offline)",
          () -> CalculatorAgentDemo.workflow(CalculatorAgentDemo.script()).graph(), CalculatorAgentDemo::run,
          () -> Sample.traced(CalculatorAgentDemo.workflow(CalculatorAgentDemo.script()), CalculatorAgentDemo.QUESTION)),
      new Sample("multi-agent", "agents: research -> write -> review, handing off, notes and report in shared state (scripted offline)",
          () -> MultiAgentDemo.workflow(MultiAgentDemo.script()).graph(), MultiAgentDemo::run,
          () -> Sample.traced(MultiAgentDemo.workflow(MultiAgentDemo.script()), MultiAgentDemo.REQUEST)));

  private Samples() {}

  public static Optional<Sample> find(String name) {
    return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The names of the samples {@code draw --run} can run, for messages. */
  public static String traceable() {
    return String.join(", ", ALL.stream().filter(s -> s.trace() != null).map(Sample::name).toList());
  }

  /** The sample names, for messages. */
  public static String names() {
    return String.join(", ", ALL.stream().map(Sample::name).toList());
  }
}
