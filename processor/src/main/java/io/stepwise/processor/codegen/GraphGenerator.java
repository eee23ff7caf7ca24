package io.stepwise.processor.codegen;

import static io.stepwise.processor.codegen.RuntimeTypes.EDGE;
import static io.stepwise.processor.codegen.RuntimeTypes.EDGE_KIND;
import static io.stepwise.processor.codegen.RuntimeTypes.EVENT_KIND;
import static io.stepwise.processor.codegen.RuntimeTypes.EVENT_NODE;
import static io.stepwise.processor.codegen.RuntimeTypes.RESOURCE_NODE;
import static io.stepwise.processor.codegen.RuntimeTypes.RESOURCE_USE;
import static io.stepwise.processor.codegen.RuntimeTypes.RETRY_SETTINGS;
import static io.stepwise.processor.codegen.RuntimeTypes.STEP_NODE;
import static io.stepwise.processor.codegen.RuntimeTypes.WORKFLOW_GRAPH;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
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

/** The {@code GRAPH} constant: the event graph as proven, with every list sorted for stable renderings. */
final class GraphGenerator {
  enum EdgeKind { CONSUMES, PRODUCES }

  record Edge(EdgeKind kind, String step, String event) {}

  /** @param config the file of a config resource (with {@code #section}), empty for a method */
  record Resource(String name, String type, String qualifier, boolean cached, List<String> dependsOn, String config) {}

  record Use(String step, String resource) {}

  private GraphGenerator() {}

  static CodeBlock graph(EventIndex index) {
    var steps = index.workflow().steps().stream()
        .sorted(Comparator.comparing(StepModel::name))
        .map(s -> isJoin(s)
            ? CodeBlock.of("new $T($S, $L, $L, $L, true)",
                STEP_NODE, s.name(), s.workers(), retry(s.retry()), CodeBlocks.duration(s.timeout()))
            : CodeBlock.of("new $T($S, $L, $L, $L)",
                STEP_NODE, s.name(), s.workers(), retry(s.retry()), CodeBlocks.duration(s.timeout())))
        .toList();
    var events = index.events().stream()
        .map(e -> CodeBlock.of("new $T($S, $S, $T.$L)", EVENT_NODE, e.canonicalName(), e.label(), EVENT_KIND, e.role()))
        .toList();
    var edges = edges(index).stream()
        .map(e -> CodeBlock.of("new $T($T.$L, $S, $S)", EDGE, EDGE_KIND, e.kind(), e.step(), e.event()))
        .toList();
    var graph = CodeBlock.builder()
        .add("new $T($S,\n$>$>", WORKFLOW_GRAPH, index.workflow().name())
        .add("$L,\n", CodeBlocks.multilineList(steps))
        .add("$L,\n", CodeBlocks.multilineList(events));
    if (index.workflow().providers().isEmpty()) {
      return graph.add("$L)$<$<", CodeBlocks.multilineList(edges)).build();
    }
    var resources = resources(index.workflow()).stream()
        .map(r -> r.config().isEmpty()
            ? CodeBlock.of("new $T($S, $S, $S, $L, $T.of($L))", RESOURCE_NODE, r.name(), r.type(), r.qualifier(),
                r.cached(), List.class, r.dependsOn().stream().map(d -> CodeBlock.of("$S", d))
                    .collect(CodeBlock.joining(", ")))
            : CodeBlock.of("new $T($S, $S, $S, $L, $T.of(), $S)", RESOURCE_NODE, r.name(), r.type(), r.qualifier(),
                r.cached(), List.class, r.config()))
        .toList();
    var uses = uses(index.workflow()).stream()
        .map(u -> CodeBlock.of("new $T($S, $S)", RESOURCE_USE, u.step(), u.resource()))
        .toList();
    return graph.add("$L,\n", CodeBlocks.multilineList(edges))
        .add("$L,\n", CodeBlocks.multilineList(resources))
        .add("$L)$<$<", CodeBlocks.multilineList(uses))
        .build();
  }

  /** A step with two or more event parameters fires once per complete set: drawn as a join. */
  static boolean isJoin(StepModel step) {
    return step.eventParams().size() > 1;
  }

  private static CodeBlock retry(RetrySpec retry) {
    if (retry.isNone()) {
      return CodeBlock.of("$T.NONE", RETRY_SETTINGS);
    }
    return CodeBlock.of("new $T($L, $L, $L, $L, $L, $L, $L)",
        RETRY_SETTINGS,
        retry.maxAttempts(),
        CodeBlocks.duration(retry.delay()),
        retry.backoff(),
        CodeBlocks.duration(retry.maxDelay()),
        retry.jitter(),
        names(retry.on()),
        names(retry.notOn()));
  }

  private static CodeBlock names(List<ClassName> types) {
    return CodeBlock.of("$T.of($L)", List.class,
        types.stream().map(t -> CodeBlock.of("$S", t.canonicalName())).collect(CodeBlock.joining(", ")));
  }

  /** The providers as graph resources, sorted by name; shared with the graph resources. */
  static List<Resource> resources(WorkflowModel workflow) {
    return workflow.providers().stream()
        .map(p -> new Resource(p.method(), p.label(), p.qualifier(), p.cached(), p.params().stream()
            .map(param -> workflow.providers().get(param.provider()).method())
            .distinct()
            .sorted()
            .toList(), p.isConfig() ? p.config().describe() : ""))
        .sorted(Comparator.comparing(Resource::name))
        .toList();
  }

  /** Which step takes which resource (its retry policy included), sorted by step then resource, each pair once. */
  static List<Use> uses(WorkflowModel workflow) {
    var uses = new TreeSet<Use>(Comparator.comparing(Use::step).thenComparing(Use::resource));
    for (StepModel step : workflow.steps()) {
      for (StepParam param : step.params()) {
        if (param instanceof StepParam.ResourceParam resource) {
          uses.add(new Use(step.name(), workflow.providers().get(resource.provider()).method()));
        }
      }
      // A retry policy object is a resource the step's failures are handed to.
      if (step.retry().hasPolicy()) {
        uses.add(new Use(step.name(), workflow.providers().get(step.retry().policyProvider()).method()));
      }
    }
    return List.copyOf(uses);
  }

  /** Edges sorted by kind, step, then event; shared with the graph resources so both list them alike. */
  static List<Edge> edges(EventIndex index) {
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
