package io.stepwise.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.stepwise.graph.Edge;
import io.stepwise.graph.EdgeKind;
import io.stepwise.graph.EventKind;
import io.stepwise.graph.EventNode;
import io.stepwise.graph.ResourceNode;
import io.stepwise.graph.ResourceUse;
import io.stepwise.graph.RetrySettings;
import io.stepwise.graph.StepNode;
import io.stepwise.graph.WorkflowGraph;
import io.stepwise.processor.model.EventIndex;
import io.stepwise.processor.model.EventType;
import io.stepwise.processor.model.RetrySpec;
import io.stepwise.processor.model.StepModel;
import io.stepwise.processor.model.StepParam;
import io.stepwise.processor.model.WorkflowModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The event graph as proven, as the model module's {@link WorkflowGraph} (every list sorted for
 * stable renderings), and the {@code GRAPH} constant that rebuilds it in the generated code. The
 * graph resources are written from the same object by the model's own writers. The constant takes
 * its step nodes from the step table ({@code StepNodes.of(STEPS)}), so the generated class states
 * each step's settings once; a test in the samples checks the two agree for every sample.
 */
final class GraphGenerator {
  private static final ClassName WORKFLOW_GRAPH = ClassName.get(WorkflowGraph.class);
  private static final ClassName STEP_NODES = ClassName.get("io.stepwise.spi", "StepNodes");
  private static final ClassName EVENT_NODE = ClassName.get(EventNode.class);
  private static final ClassName EVENT_KIND = ClassName.get(EventKind.class);
  private static final ClassName EDGE = ClassName.get(Edge.class);
  private static final ClassName EDGE_KIND = ClassName.get(EdgeKind.class);
  private static final ClassName RESOURCE_NODE = ClassName.get(ResourceNode.class);
  private static final ClassName RESOURCE_USE = ClassName.get(ResourceUse.class);

  private GraphGenerator() {}

  /** The workflow's graph as data. */
  static WorkflowGraph of(EventIndex index) {
    WorkflowModel workflow = index.workflow();
    var steps = workflow.steps().stream()
        .sorted(Comparator.comparing(StepModel::name))
        .map(s -> new StepNode(s.name(), s.workers(), retry(s.retry()), s.timeout(), s.eventParams().size() > 1))
        .toList();
    var events = index.events().stream()
        .map(e -> new EventNode(e.canonicalName(), e.label(), EventKind.valueOf(e.role().name())))
        .toList();
    return new WorkflowGraph(workflow.name(), steps, events, edges(index), resources(workflow), uses(workflow));
  }

  /** Code that builds {@code graph}; a graph without resources uses the shorter constructor. */
  static CodeBlock code(WorkflowGraph graph) {
    var events = graph.events().stream()
        .map(e -> CodeBlock.of("new $T($S, $S, $T.$L)", EVENT_NODE, e.type(), e.label(), EVENT_KIND, e.kind()))
        .toList();
    var edges = graph.edges().stream()
        .map(e -> CodeBlock.of("new $T($T.$L, $S, $S)", EDGE, EDGE_KIND, e.kind(), e.step(), e.event()))
        .toList();
    var code = CodeBlock.builder()
        .add("new $T($S,\n$>$>", WORKFLOW_GRAPH, graph.name())
        .add("$T.of(STEPS),\n", STEP_NODES)
        .add("$L,\n", CodeBlocks.multilineList(events));
    if (graph.resources().isEmpty()) {
      return code.add("$L)$<$<", CodeBlocks.multilineList(edges)).build();
    }
    var resources = graph.resources().stream().map(GraphGenerator::resource).toList();
    var uses = graph.resourceUses().stream()
        .map(u -> CodeBlock.of("new $T($S, $S)", RESOURCE_USE, u.step(), u.resource()))
        .toList();
    return code.add("$L,\n", CodeBlocks.multilineList(edges))
        .add("$L,\n", CodeBlocks.multilineList(resources))
        .add("$L)$<$<", CodeBlocks.multilineList(uses))
        .build();
  }

  private static CodeBlock resource(ResourceNode r) {
    if (r.isConfig()) {
      return CodeBlock.of("new $T($S, $S, $S, $L, $T.of(), $S)", RESOURCE_NODE, r.name(), r.type(), r.qualifier(),
          r.cached(), List.class, r.config());
    }
    return CodeBlock.of("new $T($S, $S, $S, $L, $T.of($L))", RESOURCE_NODE, r.name(), r.type(), r.qualifier(),
        r.cached(), List.class, r.dependsOn().stream().map(d -> CodeBlock.of("$S", d)).collect(CodeBlock.joining(", ")));
  }

  // A step that never retries is drawn with RetrySettings.NONE, whatever its other @Retry values.
  private static RetrySettings retry(RetrySpec retry) {
    if (retry.isNone()) {
      return RetrySettings.NONE;
    }
    return new RetrySettings(retry.maxAttempts(), retry.delay(), retry.backoff(), retry.maxDelay(), retry.jitter(),
        retry.on().stream().map(ClassName::canonicalName).toList(),
        retry.notOn().stream().map(ClassName::canonicalName).toList());
  }

  /** The providers as graph resources, sorted by name. */
  private static List<ResourceNode> resources(WorkflowModel workflow) {
    return workflow.providers().stream()
        .map(p -> new ResourceNode(p.method(), p.label(), p.qualifier(), p.cached(), p.params().stream()
            .map(param -> workflow.providers().get(param.provider()).method())
            .distinct()
            .sorted()
            .toList(), p.isConfig() ? p.config().describe() : ""))
        .sorted(Comparator.comparing(ResourceNode::name))
        .toList();
  }

  /** Which step takes which resource (its retry policy included), sorted by step then resource, each pair once. */
  private static List<ResourceUse> uses(WorkflowModel workflow) {
    var uses = new TreeSet<ResourceUse>(Comparator.comparing(ResourceUse::step).thenComparing(ResourceUse::resource));
    for (StepModel step : workflow.steps()) {
      for (StepParam param : step.params()) {
        if (param instanceof StepParam.ResourceParam resource) {
          uses.add(new ResourceUse(step.name(), workflow.providers().get(resource.provider()).method()));
        }
      }
      // A retry policy object is a resource the step's failures are handed to.
      if (step.retry().hasPolicy()) {
        uses.add(new ResourceUse(step.name(), workflow.providers().get(step.retry().policyProvider()).method()));
      }
    }
    return List.copyOf(uses);
  }

  /** Edges sorted by kind, step, then event. */
  private static List<Edge> edges(EventIndex index) {
    var edges = new ArrayList<Edge>();
    for (StepModel step : index.workflow().steps()) {
      for (EventType event : step.accepted()) {
        edges.add(new Edge(EdgeKind.CONSUMES, step.name(), event.canonicalName()));
      }
      for (EventType event : step.produced()) {
        edges.add(new Edge(EdgeKind.PRODUCES, step.name(), event.canonicalName()));
      }
    }
    edges.sort(Comparator.comparing(Edge::kind).thenComparing(Edge::step).thenComparing(Edge::event));
    return edges;
  }
}
