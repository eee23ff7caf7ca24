package io.stepwise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowRoutesTest {
  @TempDir
  static Path dir;
  static WorkflowServer server;
  static Http http;

  @BeforeAll
  static void start() {
    server = ServerFixture.builder(dir).build().start();
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void healthSaysHealthy() {
    var reply = http.get("/health");
    assertEquals(200, reply.status());
    assertEquals("{\"status\":\"healthy\"}", reply.body());
    assertEquals("application/json", reply.contentType());
  }

  @Test
  void listsTheWorkflowsByName() {
    assertEquals("{\"workflows\":[\"echo\",\"interview\"]}", http.get("/workflows").body());
  }

  @Test
  void runWaitsAndAnswersTheHandlerWithTheStopEventsEnvelope() {
    var reply = http.post("/workflows/echo/run", "{\"start_event\": {\"text\": \"ho\", \"times\": 3}}");
    assertEquals(200, reply.status(), reply.body());
    var json = reply.json();
    assertEquals("echo", json.get("workflow_name"));
    assertEquals("completed", json.get("status"));
    assertEquals(json.get("handler_id"), json.get("run_id"));
    assertEquals(null, json.get("error"));
    assertEquals(Map.of("value", Map.of("text", "hohoho"),
        "qualified_name", "io.stepwise.server.flows.EchoFlow.Echoed", "type", "Echoed",
        "types", List.of("StopEvent")), json.get("result"));
    assertTrue(json.get("completed_at") instanceof String);
  }

  @Test
  void runAcceptsAnEnvelopeAsTheStartEvent() {
    var reply = http.post("/workflows/echo/run",
        "{\"start_event\": {\"type\": \"Shout\", \"value\": {\"text\": \"a\", \"times\": 2}}}");
    assertEquals(200, reply.status(), reply.body());
    assertEquals(Map.of("text", "aa"), JsonTree.asObject(reply.json().get("result")).get("value"));
  }

  @Test
  void runOfAFailingWorkflowAnswers500WithTheError() {
    var reply = http.post("/workflows/interview/run", "{\"start_event\": {\"topic\": \"fail\"}}");
    assertEquals(500, reply.status(), reply.body());
    assertEquals("failed", reply.json().get("status"));
    assertTrue(((String) reply.json().get("error")).contains("no questions about fail"), reply.body());
  }

  @Test
  void unknownWorkflowIs404() {
    var reply = http.post("/workflows/nope/run", "{}");
    assertEquals(404, reply.status());
    assertEquals("{\"detail\":\"Workflow not found\"}", reply.body());
    assertEquals(404, http.get("/workflows/nope/schema").status());
    assertEquals(404, http.get("/workflows/nope/representation").status());
    assertEquals(404, http.get("/workflows/nope/events").status());
  }

  @Test
  void malformedBodyIs400() {
    var reply = http.post("/workflows/echo/run-nowait", "{\"start_event\": ");
    assertEquals(400, reply.status());
    assertTrue(reply.json().get("detail").toString().startsWith("Invalid JSON body: malformed JSON at line 1"),
        reply.body());
  }

  @Test
  void foreignStartEventTypeIs400() {
    var reply = http.post("/workflows/echo/run-nowait", "{\"start_event\": {\"type\": \"Topic\", \"value\": {}}}");
    assertEquals(400, reply.status());
    assertTrue(reply.json().get("detail").toString().startsWith(
        "Validation error for 'start_event': Invalid event type: Topic. Expected one of "), reply.body());
  }

  @Test
  void startEventOfAnotherTypeOfTheWorkflowIs400() {
    var reply = http.post("/workflows/echo/run-nowait",
        "{\"start_event\": {\"type\": \"Echoed\", \"value\": {\"text\": \"x\"}}}");
    assertEquals(400, reply.status());
    assertEquals("Validation error for 'start_event': Start event must be an instance of Shout, was Echoed",
        reply.json().get("detail"));
  }

  @Test
  void wrongFieldTypeIs400NamingTheField() {
    var reply = http.post("/workflows/echo/run-nowait", "{\"start_event\": {\"text\": \"x\", \"times\": \"two\"}}");
    assertEquals(400, reply.status());
    String detail = reply.json().get("detail").toString();
    assertTrue(detail.startsWith("Validation error for 'start_event': Failed to deserialize event: "), detail);
    assertTrue(detail.contains("times"), detail);
  }

  @Test
  void contextIsRefusedWith400UnlessTheContextApiIsOn() {
    var reply = http.post("/workflows/echo/run-nowait", "{\"context\": {\"state\": {}}}");
    assertEquals(400, reply.status());
    assertEquals("Context API is disabled. Set acceptContextApi(true) on WorkflowServer.builder() to enable it; to"
        + " continue a finished handler, send its handler_id instead", reply.json().get("detail"));
  }

  @Test
  void bodyOverTheLimitIs413() {
    var reply = http.post("/workflows/echo/run", "{\"start_event\": {\"text\": \"" + "x".repeat(1 << 20) + "\"}}");
    assertEquals(413, reply.status());
    assertTrue(reply.json().get("detail").toString().startsWith("Request body is larger than the limit of 1048576"),
        reply.body());
  }

  @Test
  void schemaDescribesTheStartAndStopEventsFields() {
    var reply = http.get("/workflows/echo/schema");
    assertEquals(200, reply.status());
    assertEquals(Map.of("title", "Shout", "description", "StartEvent io.stepwise.server.flows.EchoFlow.Shout",
        "type", "object", "properties", Map.of("text", Map.of("type", "string"), "times", Map.of("type", "integer")),
        "required", List.of("text", "times")), reply.json().get("start"));
    assertEquals("{\"title\":\"Echoed\",\"description\":\"StopEvent io.stepwise.server.flows.EchoFlow.Echoed\","
        + "\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}},\"required\":[\"text\"]}",
        JsonTree.write(reply.json().get("stop")));
  }

  @Test
  void eventsListsASchemaPerEventType() {
    var events = (List<?>) http.get("/workflows/interview/events").json().get("events");
    var titles = events.stream().map(e -> JsonTree.asObject(e).get("title")).sorted().toList();
    assertEquals(List.of("Question", "Reply", "Summary", "Topic"), titles);
  }

  @Test
  void representationHasStepAndEventNodesAndEdges() {
    var graph = JsonTree.asObject(http.get("/workflows/interview/representation").json().get("graph"));
    assertEquals("interview", graph.get("name"));
    var nodes = ((List<?>) graph.get("nodes")).stream().map(JsonTree::asObject).toList();
    var steps = nodes.stream().filter(n -> n.get("node_type").equals("step")).map(n -> n.get("id")).sorted().toList();
    assertEquals(List.of("ask", "finish"), steps);
    var question = nodes.stream().filter(n -> "Question".equals(n.get("event_type"))).findFirst().orElseThrow();
    assertEquals(List.of("Question", "InputRequiredEvent"), question.get("event_types"));
    assertEquals(List.of("ask"), question.get("produced_by"));
    var edges = ((List<?>) graph.get("edges")).stream().map(JsonTree::asObject)
        .map(e -> e.get("source") + "->" + e.get("target")).sorted().toList();
    String prefix = "io.stepwise.server.flows.InterviewFlow.";
    // As Python: the question leads to the "external_step" node, which leads to the answer.
    assertEquals(List.of("ask->" + prefix + "Question", "external_step->" + prefix + "Reply",
        "finish->" + prefix + "Summary", prefix + "Question->external_step", prefix + "Reply->finish",
        prefix + "Topic->ask"), edges);
    var external = nodes.stream().filter(n -> n.get("node_type").equals("external")).toList();
    assertEquals(List.of(Map.of("id", "external_step", "label", "external_step", "node_type", "external")), external);
  }

  @Test
  void unknownRouteIs404Json() {
    var reply = http.get("/nowhere");
    assertEquals(404, reply.status());
    assertEquals("{\"detail\":\"Not Found\"}", reply.body());
  }
}
