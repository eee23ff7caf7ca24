package io.stepwise.agents;

import static io.stepwise.agents.RecordedOpenAiServer.call;
import static io.stepwise.agents.RecordedOpenAiServer.chunk;
import static io.stepwise.agents.RecordedOpenAiServer.text;
import static io.stepwise.agents.RecordedOpenAiServer.toolCalls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.CompiledWorkflow;
import io.stepwise.Event;
import io.stepwise.StopEvent;
import io.stepwise.WorkflowFailedException;
import io.stepwise.WorkflowHandler;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Agent loops against a recorded OpenAI-compatible server, through LangChain4j's OpenAI client. */
class AgentWorkflowTest {
  private RecordedOpenAiServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = new RecordedOpenAiServer();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private static <T> List<T> ofType(List<Event> events, Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private CompiledWorkflow<AgentInput, AgentResult> calculator(AgentTool... tools) {
    return AgentWorkflow.of(FunctionAgent.builder().name("calc").systemPrompt("You do arithmetic.")
        .model(TestTools.model(server)).tools(tools).build()).compile();
  }

  @Test
  void toolCallResultGoesBackToTheModelAndTheAnswerEndsTheRun() {
    server.reply(toolCalls(call("call_1", "add", "{\"a\":2,\"b\":3}"))).reply(text("2 + 3 = 5"));

    WorkflowHandler<AgentResult> run = calculator(TestTools.add()).run(new AgentInput("What is 2 + 3?"));
    List<Event> events = run.events().toList();

    assertEquals(new AgentResult("calc", "2 + 3 = 5", Map.of(), 2), run.result());
    assertEquals(List.of(new ToolCall("calc", "call_1", "add", "{\"a\":2,\"b\":3}")), ofType(events, ToolCall.class));
    assertEquals(List.of(new ToolCallResult("calc", "call_1", "add", "{\"a\":2,\"b\":3}", "5", false)),
        ofType(events, ToolCallResult.class));
    assertEquals(List.of(
            new AgentOutput("calc", "", List.of(new RequestedCall("call_1", "add", "{\"a\":2,\"b\":3}"))),
            new AgentOutput("calc", "2 + 3 = 5", List.of())),
        ofType(events, AgentOutput.class));
    assertEquals(run.result(), events.getLast());

    List<String> requests = server.requests();
    assertEquals(2, requests.size());
    assertTrue(requests.get(0).contains("\"name\":\"add\""), requests.get(0));
    assertTrue(requests.get(0).contains("{\"role\":\"system\",\"content\":\"You do arithmetic.\"}"), requests.get(0));
    assertTrue(requests.get(1).contains("{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"5\"}"),
        requests.get(1));
  }

  @Test
  void toolErrorsGoBackToTheModelAndTheRunGoesOn() {
    server.reply(toolCalls(
            call("call_1", "lookup", "{\"word\":\"otter\"}"),
            call("call_2", "translate", "{}"),
            call("call_3", "add", "{\"a\":2"),
            call("call_4", "add", "{\"a\":\"two\",\"b\":1}"),
            call("call_5", "slow", "{}")))
        .reply(text("The tools failed."));

    WorkflowHandler<AgentResult> run =
        calculator(TestTools.add(), TestTools.failingLookup(), TestTools.slow()).run(new AgentInput("Go"));
    List<Event> events = run.events().toList();

    assertEquals("The tools failed.", run.result().response());
    assertEquals(List.of(
            "Error: IllegalStateException: lookup service is down",
            "Error: there is no tool named 'translate'. Tools: [add, lookup, slow].",
            "Error: the arguments of 'add' are not a JSON object: {\"a\":2",
            "Error: IllegalArgumentException: argument 'a' must be a number, got two",
            "Error: tool 'slow' did not finish within PT0.2S and was stopped."),
        ofType(events, ToolCallResult.class).stream().map(ToolCallResult::output).toList());
    assertTrue(ofType(events, ToolCallResult.class).stream().allMatch(ToolCallResult::error));
    assertTrue(server.requests().get(1).contains(
            "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"Error: IllegalStateException: lookup service is down\"}"),
        server.requests().get(1));
  }

  @Test
  void tooManyModelCallsFailTheRunNamingTheLimit() {
    server.reply(toolCalls(call("c1", "add", "{\"a\":1,\"b\":1}")))
        .reply(toolCalls(call("c2", "add", "{\"a\":1,\"b\":1}")));
    WorkflowHandler<AgentResult> run = AgentWorkflow.builder()
        .agents(FunctionAgent.builder().name("calc").model(TestTools.model(server)).tools(TestTools.add()).build())
        .maxIterations(2).build().compile().run(new AgentInput("Loop"));

    WorkflowFailedException failure = assertThrows(WorkflowFailedException.class, run::result);
    AgentLimitException limit = assertInstanceOf(AgentLimitException.class, failure.getCause());
    assertEquals("The agents made 2 model calls without a final answer (agent 'calc' was answering)."
        + " Raise AgentWorkflow.builder().maxIterations(2), or give the agents tools and prompts that let them finish.",
        limit.getMessage());
    assertEquals(2, server.requests().size());
  }

  @Test
  void streamingModelWritesDeltasToTheStream() {
    server.stream(List.of(chunk("Hel", null), chunk("lo", null), chunk(null, "stop")));
    CompiledWorkflow<AgentInput, AgentResult> wf = AgentWorkflow.of(FunctionAgent.builder().name("greeter")
        .streamingModel(TestTools.streamingModel(server)).build()).compile();

    WorkflowHandler<AgentResult> run = wf.run(new AgentInput("Say hello"));
    List<Event> events = run.events().toList();

    assertEquals("Hello", run.result().response());
    assertEquals(List.of(new AgentStream("greeter", "Hel", "Hel"), new AgentStream("greeter", "lo", "Hello")),
        ofType(events, AgentStream.class));
  }

  @Test
  void reActAgentParsesActionsAndSendsObservations() {
    server.reply(text("Thought: I need to add.\nAction: add\nAction Input: {\"a\": 2, \"b\": 3}"))
        .reply(text("I am not sure.\nThought: hmm"))
        .reply(text("Thought: I can answer without using any more tools.\nAnswer: 5"));
    CompiledWorkflow<AgentInput, AgentResult> wf = AgentWorkflow.of(ReActAgent.builder().name("react")
        .model(TestTools.model(server)).tools(TestTools.add()).build()).compile();

    WorkflowHandler<AgentResult> run = wf.run(new AgentInput("What is 2 + 3?"));
    List<Event> events = run.events().toList();

    assertEquals(new AgentResult("react", "5", Map.of(), 3), run.result());
    assertEquals(List.of(new ToolCallResult("react", "react-1", "add", "{\"a\": 2, \"b\": 3}", "5", false)),
        ofType(events, ToolCallResult.class));
    List<String> requests = server.requests();
    assertTrue(requests.get(0).contains("Action Input: the arguments as one JSON object"), requests.get(0));
    assertTrue(requests.get(0).contains("> add: Adds two numbers"), requests.get(0));
    assertTrue(requests.get(1).contains("{\"role\":\"user\",\"content\":\"Observation: 5\"}"), requests.get(1));
    assertTrue(requests.get(2).contains("Observation: Error: Could not read the reply: expected 'Action:'"),
        requests.get(2));
    assertTrue(!requests.get(0).contains("\"tools\""), "a ReAct agent sends no tool specifications");
  }

  @Test
  void handoffPassesTheConversationAndSharedStateToTheNextAgent() {
    server.reply(toolCalls(call("c1", "record_notes", "{\"notes\":\"otters hold hands\"}")))
        .reply(toolCalls(call("c2", "handoff", "{\"to_agent\":\"writer\",\"reason\":\"notes are ready\"}")))
        .reply(text("Otters hold hands while they sleep."));
    AgentWorkflow agents = AgentWorkflow.builder()
        .agents(
            FunctionAgent.builder().name("research").description("Finds facts").systemPrompt("You research.")
                .model(TestTools.model(server)).tools(TestTools.recordNotes()).canHandoffTo("writer").build(),
            FunctionAgent.builder().name("writer").description("Writes the text").systemPrompt("You write.")
                .model(TestTools.model(server)).build())
        .root("research").build();

    WorkflowHandler<AgentResult> run = agents.compile().run(new AgentInput("Tell me about otters"));
    List<Event> events = run.events().toList();

    assertEquals(new AgentResult("writer", "Otters hold hands while they sleep.",
        Map.of("notes", "otters hold hands"), 3), run.result());
    assertEquals(List.of(new AgentHandoff("research", "writer", "notes are ready")), ofType(events, AgentHandoff.class));
    assertEquals("Agent writer is now handling the request due to the following reason: notes are ready.\n"
        + "Please continue with the current request.", ofType(events, ToolCallResult.class).get(1).output());
    List<String> requests = server.requests();
    assertTrue(requests.get(1).contains("\"name\":\"handoff\""), requests.get(1));
    assertTrue(requests.get(1).contains("writer: Writes the text"), requests.get(1));
    assertTrue(requests.get(2).contains("{\"role\":\"system\",\"content\":\"You write.\"}"), requests.get(2));
    assertTrue(requests.get(2).contains("Tell me about otters"), requests.get(2));
    assertTrue(!requests.get(2).contains("\"tools\""), "the writer has no tools: " + requests.get(2));
  }

  @Test
  void functionAgentHandsOffToAReActAgentThatReadsTheCallsAsActions() {
    server.reply(toolCalls(call("c1", "handoff", "{\"to_agent\":\"react\",\"reason\":\"plain text model\"}")))
        .reply(text("Answer: done"));
    AgentWorkflow agents = AgentWorkflow.builder()
        .agents(FunctionAgent.builder().name("caller").model(TestTools.model(server)).canHandoffTo("react").build(),
            ReActAgent.builder().name("react").model(TestTools.model(server)).build())
        .build();

    assertEquals(new AgentResult("react", "done", Map.of(), 2), agents.compile().run(new AgentInput("Hi")).result());
    String second = server.requests().get(1);
    assertTrue(second.contains("{\"role\":\"assistant\",\"content\":\"Action: handoff\\nAction Input:"
        + " {\\\"to_agent\\\":\\\"react\\\",\\\"reason\\\":\\\"plain text model\\\"}\"}"), second);
    assertTrue(second.contains("{\"role\":\"user\",\"content\":\"Observation: Agent react is now handling"), second);
  }

  @Test
  void handoffToAnAgentNotAllowedIsAnErrorForTheModel() {
    server.reply(toolCalls(call("c1", "handoff", "{\"to_agent\":\"boss\",\"reason\":\"why not\"}")))
        .reply(text("OK, I will answer myself."));
    AgentWorkflow agents = AgentWorkflow.builder()
        .agents(FunctionAgent.builder().name("a").model(TestTools.model(server)).canHandoffTo("b").build(),
            FunctionAgent.builder().name("b").model(TestTools.model(server)).build())
        .build();

    WorkflowHandler<AgentResult> run = agents.compile().run(new AgentInput("Hi"));
    List<Event> events = run.events().toList();

    assertEquals(new AgentResult("a", "OK, I will answer myself.", Map.of(), 2), run.result());
    assertEquals(List.of(new ToolCallResult("a", "c1", "handoff", "{\"to_agent\":\"boss\",\"reason\":\"why not\"}",
        "Error: agent 'a' cannot hand off to 'boss'. It can hand off to [b].", true)), ofType(events, ToolCallResult.class));
  }

  @Test
  void badWorkflowsAreRefusedWithTheReason() {
    FunctionAgent a = FunctionAgent.builder().name("a").model(TestTools.model(server)).canHandoffTo("c").build();
    assertEquals("Agent 'a' may hand off to 'c', which is not one of the agents [a]. Name another agent of the workflow.",
        assertThrows(IllegalArgumentException.class, () -> AgentWorkflow.builder().agents(a).build()).getMessage());
    assertEquals("The root agent 'x' is not one of the agents [a]. Name one of them, or add it with agents(...).",
        assertThrows(IllegalArgumentException.class, () -> AgentWorkflow.builder().agents(a).root("x").build())
            .getMessage());
    assertEquals("FunctionAgent 'a' has no model. Call model(chatModel) or streamingModel(streamingChatModel).",
        assertThrows(IllegalArgumentException.class, () -> FunctionAgent.builder().name("a").build()).getMessage());
  }

  static void drainUntilStop(WorkflowHandler<?> run) {
    run.events().takeWhile(e -> !(e instanceof StopEvent)).forEach(e -> {});
  }
}
