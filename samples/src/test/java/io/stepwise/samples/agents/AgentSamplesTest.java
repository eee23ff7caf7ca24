package io.stepwise.samples.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stepwise.agents.AgentResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agent samples on their scripted models: the tools really run and the answers follow from them. */
class AgentSamplesTest {
  @Test
  void calculatorAgentLooksUpSubtractsAndDoubles() {
    assumeTrue(System.getenv("OPENAI_API_KEY") == null, "offline only: with a key the sample calls the real model");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CalculatorAgentDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertEquals("""
        model: scripted (offline) — set OPENAI_API_KEY to use a real model
        user: How much taller is the Eiffel Tower than the Statue of Liberty, and what is twice that difference?
          [calculator] calls lookup {"topic":"eiffel tower"}
          [calculator] got The Eiffel Tower in Paris is 330 metres tall.
          [calculator] calls lookup {"topic":"statue of liberty"}
          [calculator] got The Statue of Liberty, pedestal included, is 93 metres tall.
          [calculator] calls subtract {"a":330,"b":93}
          [calculator] got 237
          [calculator] calls multiply {"a":237,"b":2}
          [calculator] got 474
        answer (4 model calls): The Eiffel Tower is 237 metres taller than the Statue of Liberty; twice that is 474 metres.
        """, bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void multiAgentHandsOffFromResearchToWriteToReview() {
    AgentResult result = MultiAgentDemo.workflow(MultiAgentDemo.script()).run(MultiAgentDemo.REQUEST).result();

    assertEquals("ReviewAgent", result.agent());
    assertEquals("The report on the history of the internet is written and approved.", result.response());
    assertEquals(7, result.modelCalls());
    assertEquals(Map.of(
        "research_notes", """
            - ARPANET, funded by the US Department of Defense, sent its first message in 1969.
            - TCP/IP became its standard on 1 January 1983.
            - Tim Berners-Lee proposed the World Wide Web at CERN in 1989.
            - Today more than five billion people use the internet.""",
        "report_content", """
            # The history of the internet

            The internet began as ARPANET in 1969 and adopted TCP/IP in 1983. The World Wide Web, proposed at\
             CERN in 1989, made it a place for everyone; today more than five billion people use it.""",
        "review", "Approved: accurate dates, covers origins, the web and the present day."), result.state());
  }
}
