package io.stepwise.samples.children;

import io.stepwise.CompiledWorkflow;
import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Provides;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import io.stepwise.samples.children.ResearchFlow.Findings;
import io.stepwise.samples.children.ResearchFlow.Question;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The parent: splits a request into topics and researches each with a child run of
 * {@link ResearchFlow}, three at a time, then assembles the findings in the order asked.
 */
@Workflow(name = "briefing")
public class BriefingFlow {
  public record Request(List<String> topics) implements StartEvent {}

  public record Topic(int position, String name) implements Event {}

  public record Researched(int position, String line) implements Event {}

  public record Briefing(List<String> lines) implements StopEvent {}

  private final CompiledWorkflow<Question, Findings> research;

  public BriefingFlow(ResearchFlow researcher) {
    this.research = ResearchFlow_Workflow.of(researcher);
  }

  /** The child workflow is a resource like any other: steps that run it declare a parameter. */
  @Provides
  CompiledWorkflow<Question, Findings> researcher() {
    return research;
  }

  @Step
  List<Topic> split(Request request, Context<?> ctx) {
    ctx.store().put("topics", request.topics().size());
    return IntStream.range(0, request.topics().size())
        .mapToObj(i -> new Topic(i, request.topics().get(i)))
        .toList();
  }

  @Step(workers = 3)
  Researched research(Topic topic, Context<?> ctx, CompiledWorkflow<Question, Findings> researcher) {
    Findings findings = ctx.runChild(researcher, new Question(topic.name()));
    return new Researched(topic.position(), findings.topic() + ": " + findings.summary());
  }

  @Step
  Optional<Briefing> assemble(Researched researched, Context<?> ctx) {
    int topics = ctx.store().get("topics", 0);
    return ctx.collectEvents(researched, Collections.nCopies(topics, Researched.class)).map(all -> new Briefing(
        all.stream()
            .map(Researched.class::cast)
            .sorted((a, b) -> Integer.compare(a.position(), b.position()))
            .map(Researched::line)
            .toList()));
  }
}
