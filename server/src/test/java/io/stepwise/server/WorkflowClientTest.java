package io.stepwise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.Event;
import io.stepwise.server.flows.EchoFlow;
import io.stepwise.server.flows.EchoFlow_Workflow;
import io.stepwise.server.flows.InterviewFlow;
import io.stepwise.server.flows.InterviewFlow_Workflow;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowClientTest {
  @TempDir
  static Path dir;
  static WorkflowServer server;
  static URI base;

  @BeforeAll
  static void start() {
    server = ServerFixture.builder(dir).build().start();
    base = URI.create("http://127.0.0.1:" + server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void runReturnsTheTypedStopEvent() {
    var client = WorkflowClient.of(base, new EchoFlow_Workflow());
    assertEquals(new EchoFlow.Echoed("abab"), client.run(new EchoFlow.Shout("ab", 2)));
  }

  @Test
  void aHumanInTheLoopRunWithTypedEvents() {
    var client = WorkflowClient.of(base, new InterviewFlow_Workflow());
    String id = client.runNowait(new InterviewFlow.Topic("jazz"));
    assertEquals(Optional.empty(), client.result(id));
    var seen = new ArrayList<Event>();
    try (var events = client.events(id)) {
      events.forEach(event -> {
        seen.add(event);
        if (event instanceof InterviewFlow.Question) {
          client.send(id, new InterviewFlow.Reply("swing"));
        }
      });
    }
    assertEquals(List.of(new InterviewFlow.Progress("asking about jazz"), new InterviewFlow.Question("What about jazz?"),
        new InterviewFlow.Summary("swing")), seen);
    assertEquals(Optional.of(new InterviewFlow.Summary("swing")), client.result(id));
  }

  @Test
  void failuresAndRefusalsAreExceptionsWithTheServersDetail() {
    var client = WorkflowClient.of(base, new InterviewFlow_Workflow());
    var failed = assertThrows(WorkflowClient.WorkflowClientException.class,
        () -> client.run(new InterviewFlow.Topic("fail")));
    assertTrue(failed.getMessage().startsWith("The run failed: "), failed.getMessage());
    assertTrue(failed.getMessage().contains("no questions about fail"), failed.getMessage());
    var unknown = assertThrows(WorkflowClient.WorkflowClientException.class,
        () -> client.send("nope", new InterviewFlow.Reply("x")));
    assertEquals(404, unknown.status());
    assertEquals("The workflow server answered 404: Handler not found", unknown.getMessage());
  }

  @Test
  void cancelEndsTheRun() {
    var client = WorkflowClient.of(base, new InterviewFlow_Workflow());
    String id = client.runNowait(new InterviewFlow.Topic("rocks"));
    client.cancel(id);
    var cancelled = assertThrows(WorkflowClient.WorkflowClientException.class, () -> client.result(id));
    assertTrue(cancelled.getMessage().startsWith("The run cancelled"), cancelled.getMessage());
  }
}
