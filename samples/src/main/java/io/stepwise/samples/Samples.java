package io.stepwise.samples;

import io.stepwise.samples.children.BriefingDemo;
import io.stepwise.samples.children.BriefingFlow;
import io.stepwise.samples.children.BriefingFlow_Workflow;
import io.stepwise.samples.children.ResearchFlow;
import io.stepwise.samples.resources.NotesDemo;
import io.stepwise.samples.resources.NotesFlow;
import io.stepwise.samples.resources.NotesFlow_Workflow;
import io.stepwise.samples.triage.Lexicon;
import io.stepwise.samples.triage.TriageDemo;
import io.stepwise.samples.triage.TriageFlow;
import io.stepwise.samples.triage.TriageFlow_Workflow;
import java.util.List;
import java.util.Optional;

/** The samples the CLI knows, by name: a plain list, so finding one needs no reflection. */
public final class Samples {
  /** Every sample, in the order {@code list} prints them. */
  public static final List<Sample> ALL = List.of(
      new Sample("triage", "support-ticket triage: parallel analysis, a join, a sealed routing decision (offline)",
          () -> TriageFlow_Workflow.of(new TriageFlow(new Lexicon())).graph(), TriageDemo::run,
          () -> Sample.traced(TriageFlow_Workflow.of(new TriageFlow(new Lexicon())), TriageDemo.TICKETS.getFirst())),
      new Sample("notes", "resources: a cached journal, a provider chain, a fresh scratch pad, named summarizers",
          () -> NotesFlow_Workflow.of(new NotesFlow()).graph(), NotesDemo::run,
          () -> Sample.traced(NotesFlow_Workflow.of(new NotesFlow()), new NotesFlow.Note("Draw the run, not only the graph"))),
      new Sample("briefing", "child workflows: each topic researched by a child run, its stream shown in the parent's",
          () -> BriefingFlow_Workflow.of(new BriefingFlow(new ResearchFlow())).graph(), BriefingDemo::run,
          () -> Sample.traced(BriefingFlow_Workflow.of(new BriefingFlow(new ResearchFlow())),
              new BriefingFlow.Request(List.of("otters", "owls")))));

  private Samples() {}

  public static Optional<Sample> find(String name) {
    return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The sample names, for messages. */
  public static String names() {
    return String.join(", ", ALL.stream().map(Sample::name).toList());
  }
}
