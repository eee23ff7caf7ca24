package io.stepwise.samples.children;

import io.stepwise.ChildEvent;
import io.stepwise.CompiledWorkflow;
import io.stepwise.Event;
import io.stepwise.WorkflowHandler;
import io.stepwise.samples.children.BriefingFlow.Briefing;
import io.stepwise.samples.children.BriefingFlow.Request;
import java.io.PrintStream;
import java.util.List;

/** Runs the briefing, printing the parent's stream with each child's events under its run. */
public final class BriefingDemo {
  private BriefingDemo() {}

  public static void run(PrintStream out) {
    CompiledWorkflow<Request, Briefing> briefing = BriefingFlow_Workflow.of(new BriefingFlow(new ResearchFlow()));
    WorkflowHandler<Briefing> handler = briefing.run(new Request(List.of("otters", "octopuses", "owls")));
    for (Event event : (Iterable<Event>) handler.events()::iterator) {
      if (event instanceof ChildEvent child) {
        out.println("  [" + child.workflow() + " " + child.childRunId().substring(0, 8) + "] " + child.event());
      } else {
        out.println(event);
      }
    }
    handler.result().lines().forEach(line -> out.println("- " + line));
  }
}
