package io.stepwise.processor.codegen;

import static io.stepwise.processor.codegen.RuntimeTypes.CATCH_POLICY;
import static io.stepwise.processor.codegen.RuntimeTypes.EVENT_INPUT;
import static io.stepwise.processor.codegen.RuntimeTypes.ANNOTATED_RETRY;
import static io.stepwise.processor.codegen.RuntimeTypes.STEP_DESCRIPTOR;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.stepwise.processor.model.CatchSpec;
import io.stepwise.processor.model.EventIndex;
import io.stepwise.processor.model.EventType;
import io.stepwise.processor.model.FanInSource;
import io.stepwise.processor.model.RetrySpec;
import io.stepwise.processor.model.StepModel;
import io.stepwise.processor.model.StepParam;
import io.stepwise.processor.model.WorkflowModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code STEPS} table: one {@code StepDescriptor} per step, in dispatch order. */
final class StepsGenerator {
  private StepsGenerator() {}

  static CodeBlock steps(WorkflowModel workflow) {
    Map<StepModel, Integer> fanOuts = fanOuts(workflow);
    return CodeBlocks.multilineList(workflow.steps().stream().map(step -> descriptor(step, fanOuts)).toList());
  }

  /** Each fan-in's fan-out, the step whose lists count its batches; the graph rules proved there is one. */
  static Map<StepModel, Integer> fanOuts(WorkflowModel workflow) {
    Map<StepModel, Integer> fanOuts = new HashMap<>();
    if (workflow.steps().stream().anyMatch(StepModel::isFanIn)) {
      FanInSource.all(new EventIndex(workflow)).forEach(s -> fanOuts.put(s.fanIn(), s.fanOut().index()));
    }
    return fanOuts;
  }

  private static CodeBlock descriptor(StepModel step, Map<StepModel, Integer> fanOuts) {
    CodeBlock inputs = step.eventParams().stream()
        .map(param -> param.batch() ? batchInput(param, fanOuts.get(step)) : input(param))
        .collect(CodeBlock.joining(", "));
    // A full retry policy is long; it goes on its own line.
    String format = step.retry().isNone()
        ? "new $T($L, $S, $L, $L, $L, $L, $L, $L)"
        : "new $T($L, $S, $L, $L, $L, $L, $L,\n$>$>$L$<$<)";
    var args = new ArrayList<Object>(List.of(
        STEP_DESCRIPTOR,
        step.index(),
        step.name(),
        CodeBlock.of("$T.of($L)", List.class, inputs),
        CodeBlocks.classSet(names(step.descriptorProduces())),
        step.workers(),
        step.settings().acceptSubtypes(),
        CodeBlocks.duration(step.timeout()),
        retry(step.retry())));
    if (!step.awaited().isEmpty() || step.catchSpec() != null) {
      // Waiting and error-handling steps use the full constructor; the others keep the short one.
      format = format.substring(0, format.length() - 1) + ",\n$>$>$L, $L$<$<)";
      args.add(CodeBlocks.classSet(names(step.awaited())));
      args.add(catchPolicy(step.catchSpec()));
    }
    return CodeBlock.of(format, args.toArray());
  }

  private static CodeBlock catchPolicy(CatchSpec spec) {
    if (spec == null) {
      return CodeBlock.of("null");
    }
    CodeBlock steps = spec.forSteps().stream().map(s -> CodeBlock.of("$S", s)).collect(CodeBlock.joining(", "));
    return CodeBlock.of("new $T($T.of($L), $L)", CATCH_POLICY, List.class, steps, spec.maxRecoveries());
  }

  private static CodeBlock batchInput(StepParam.EventParam param, int fanOut) {
    return CodeBlock.of("$T.batch($T.class, $L, $L)",
        EVENT_INPUT, param.declared().name(), CodeBlocks.classSet(names(param.accepted())), fanOut);
  }

  private static CodeBlock input(StepParam.EventParam param) {
    if (param.accepted().equals(List.of(param.declared()))) {
      return CodeBlock.of("$T.of($T.class)", EVENT_INPUT, param.declared().name());
    }
    return CodeBlock.of("new $T($T.class, $L)",
        EVENT_INPUT, param.declared().name(), CodeBlocks.classSet(names(param.accepted())));
  }

  private static CodeBlock retry(RetrySpec retry) {
    if (retry.isNone()) {
      return CodeBlock.of("$T.NONE", ANNOTATED_RETRY);
    }
    return CodeBlock.of("new $T($L, $L, $L, $L, $L, $L, $L)",
        ANNOTATED_RETRY,
        retry.maxAttempts(),
        CodeBlocks.duration(retry.delay()),
        retry.backoff(),
        CodeBlocks.duration(retry.maxDelay()),
        retry.jitter(),
        CodeBlocks.classList(retry.on()),
        CodeBlocks.classList(retry.notOn()));
  }

  static List<ClassName> names(List<EventType> events) {
    return events.stream().map(EventType::name).toList();
  }
}
