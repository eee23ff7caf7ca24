package io.stepwise.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.stepwise.processor.Compilations.assertOnlyError;
import static io.stepwise.processor.Compilations.compile;
import static io.stepwise.processor.Compilations.workflow;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @Step(retryPolicy = "...")}: it names exactly one RetryPolicy provider, and replaces @Retry. */
class RetryPolicyChecksTest {
  private static final String START = "record Start() implements StartEvent {}";
  private static final String DONE = "record Done() implements StopEvent {}";

  private static JavaFileObject flowWith(String members) {
    return workflow("Flow", """
        @Workflow
        public class Flow {
        """ + members + "\n}\n");
  }

  @Test
  void policyNamedByMethodOrProviderNameCompiles() {
    var flow = flowWith("""
          @Provides io.stepwise.RetryPolicy quick() { return io.stepwise.RetryPolicy.never(); }
          @Provides(name = "slow") io.stepwise.RetryPolicy patient() { return io.stepwise.RetryPolicy.never(); }
          @Step(retryPolicy = "quick")
          Done first(Start ev) { return new Done(); }
          @Step(retryPolicy = "slow")
          Done second(Start ev) { return new Done(); }
        """);
    assertThat(compile(flow, START, DONE)).succeededWithoutWarnings();
  }

  @Test
  void unknownPolicyListsThePoliciesThatExist() {
    var flow = flowWith("""
          @Provides io.stepwise.RetryPolicy quick() { return io.stepwise.RetryPolicy.never(); }
          @Provides String label() { return "x"; }
          @Step(retryPolicy = "flaky")
          Done finish(Start ev) { return new Done(); }
        """);
    assertOnlyError(compile(flow, START, DONE), flow, "Done finish(",
        "[Stepwise/RetryPolicy] Step 'finish' has retryPolicy = \"flaky\", but no provider of that name returns a"
            + " RetryPolicy; the retry policies are quick(): RetryPolicy. Add a @Provides method flaky() that returns"
            + " io.stepwise.RetryPolicy, or name an existing one.");
  }

  @Test
  void providerOfAnotherTypeIsNotAPolicy() {
    var flow = flowWith("""
          @Provides String flaky() { return "x"; }
          @Step(retryPolicy = "flaky")
          Done finish(Start ev) { return new Done(); }
        """);
    assertOnlyError(compile(flow, START, DONE), flow, "Done finish(",
        "[Stepwise/RetryPolicy] Step 'finish' has retryPolicy = \"flaky\", but no provider of that name returns a"
            + " RetryPolicy; the class has no @Provides method that returns a RetryPolicy. Add a @Provides method"
            + " flaky() that returns io.stepwise.RetryPolicy, or name an existing one.");
  }

  @Test
  void nameMatchingTwoPoliciesIsAmbiguous() {
    var flow = flowWith("""
          @Provides io.stepwise.RetryPolicy flaky() { return io.stepwise.RetryPolicy.never(); }
          @Provides(name = "flaky") io.stepwise.RetryPolicy other() { return io.stepwise.RetryPolicy.never(); }
          @Step(retryPolicy = "flaky")
          Done finish(Start ev) { return new Done(); }
        """);
    assertOnlyError(compile(flow, START, DONE), flow, "Done finish(",
        "[Stepwise/RetryPolicy] Step 'finish' has retryPolicy = \"flaky\", which matches 2 providers: flaky():"
            + " RetryPolicy, other(): RetryPolicy \"flaky\". Give each RetryPolicy provider a distinct method name"
            + " and @Provides(name).");
  }

  @Test
  void retryAnnotationAndPolicyTogetherAreRejected() {
    var flow = flowWith("""
          @Provides io.stepwise.RetryPolicy flaky() { return io.stepwise.RetryPolicy.never(); }
          @Step(retry = @Retry(maxAttempts = 3), retryPolicy = "flaky")
          Done finish(Start ev) { return new Done(); }
        """);
    assertOnlyError(compile(flow, START, DONE), flow, "Done finish(",
        "[Stepwise/RetryPolicy] Step 'finish' has both retry = @Retry(...) and retryPolicy = \"flaky\", and only"
            + " one can decide. Keep one of them.");
  }
}
