package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.WorkflowHandler;
import io.stepwise.behaviour.ResourceFlows.Go;
import io.stepwise.behaviour.ResourceFlows.Seen;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code @Provides} resources, run through generated code. */
@Timeout(30)
class ResourcesTest {

  @Test
  void cachedResourceIsCreatedOnceForEveryStepOfEveryConcurrentRunOfOneInstance() {
    var flow = new ResourceFlows.CachedFlow();
    var compiled = ResourceFlows_CachedFlow_Workflow.of(flow);
    var handlers = new ArrayList<WorkflowHandler<Seen>>();
    for (int i = 0; i < 16; i++) {
      handlers.add(compiled.run(new Go()));
    }
    for (var handler : handlers) {
      assertEquals(new Seen(1, 1), handler.result());
    }
    assertEquals(1, flow.created.get());
  }

  @Test
  void eachCompiledWorkflowHasItsOwnCache() {
    var flow = new ResourceFlows.CachedFlow();
    ResourceFlows_CachedFlow_Workflow.of(flow).run(new Go()).result();
    ResourceFlows_CachedFlow_Workflow.of(flow).run(new Go()).result();
    assertEquals(2, flow.created.get());
  }

  @Test
  void uncachedResourceIsCreatedForEachStepExecution() {
    var flow = new ResourceFlows.FreshFlow();
    var compiled = ResourceFlows_FreshFlow_Workflow.of(flow);
    assertEquals(new Seen(1, 2), compiled.run(new Go()).result());
    assertEquals(new Seen(3, 4), compiled.run(new Go()).result());
    assertEquals(4, flow.created.get());
  }

  @Test
  void retriedStepGetsAFreshResourceOnEveryAttempt() {
    var flow = new ResourceFlows.FreshRetryFlow();
    var result = ResourceFlows_FreshRetryFlow_Workflow.of(flow).run(new Go()).result();
    assertEquals(new ResourceFlows.Attempts(List.of(1, 2, 3)), result);
  }

  @Test
  void providersAreCalledInDependencyOrderAndCachedOnesOnlyOnce() {
    var flow = new ResourceFlows.ChainedFlow();
    var compiled = ResourceFlows_ChainedFlow_Workflow.of(flow);
    assertEquals(new ResourceFlows.Layers("base/true"), compiled.run(new Go()).result());
    assertEquals(new ResourceFlows.Layers("base/true"), compiled.run(new Go()).result());
    // Run 1: the step's first argument builds base, middle, top; its second a fresh middle.
    // Run 2: top and base are cached; only the fresh middle is made again.
    assertEquals(List.of("base", "middle", "top", "middle", "middle"), flow.calls);
  }

  @Test
  void namedParametersReceiveTheProviderOfThatName() {
    var result = ResourceFlows_NamedFlow_Workflow.of(new ResourceFlows.NamedFlow()).run(new Go()).result();
    assertEquals(new ResourceFlows.Answer("fast then careful"), result);
  }

  @Test
  void aProviderFailureFailsTheStepAndIsNotCachedSoTheRetrySucceeds() {
    var flow = new ResourceFlows.FailingProviderFlow();
    var result = ResourceFlows_FailingProviderFlow_Workflow.of(flow).run(new Go()).result();
    assertEquals(new ResourceFlows.Answer("box 2"), result);
    assertEquals(2, flow.calls.get());
  }
}
