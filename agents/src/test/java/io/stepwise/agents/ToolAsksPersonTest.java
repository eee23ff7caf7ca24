package io.stepwise.agents;

import static io.stepwise.agents.RecordedOpenAiServer.call;
import static io.stepwise.agents.RecordedOpenAiServer.text;
import static io.stepwise.agents.RecordedOpenAiServer.toolCalls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.CompiledWorkflow;
import io.stepwise.Event;
import io.stepwise.RunOptions;
import io.stepwise.Snapshot;
import io.stepwise.StopEvent;
import io.stepwise.WorkflowHandler;
import io.stepwise.store.InMemoryRunStore;
import io.stepwise.store.RunStatus;
import io.stepwise.store.RunStore;
import io.stepwise.store.directory.DirectoryRunStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tool that asks a person: answered live, after a snapshot and resume, and through a run store. */
class ToolAsksPersonTest {
  private static final String ARGS = "{\"to\":\"bob@example.com\"}";
  private static final ToolInputRequired QUESTION =
      new ToolInputRequired("mailer", "call_1", "send_email", "Send the email to bob@example.com?");

  private RecordedOpenAiServer server;
  private final AtomicInteger toolStarts = new AtomicInteger();

  @BeforeEach
  void startServer() throws Exception {
    server = new RecordedOpenAiServer();
    server.reply(toolCalls(call("call_1", "send_email", ARGS))).reply(text("Done: the email was sent."));
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private CompiledWorkflow<AgentInput, AgentResult> mailer() {
    return AgentWorkflow.of(FunctionAgent.builder().name("mailer").model(TestTools.model(server))
        .tools(TestTools.sendEmail(toolStarts)).build()).compile();
  }

  /** Reads the stream up to the question and returns it. */
  private static ToolInputRequired question(WorkflowHandler<?> run) {
    return run.events().filter(ToolInputRequired.class::isInstance).map(ToolInputRequired.class::cast)
        .findFirst().orElseThrow();
  }

  @Test
  void personApprovesInsideTheTool() {
    WorkflowHandler<AgentResult> run = mailer().run(new AgentInput("Email bob"));
    List<Event> seen = new ArrayList<>();
    run.events().takeWhile(e -> !(e instanceof StopEvent)).forEach(e -> {
      seen.add(e);
      if (e instanceof ToolInputRequired asked) {
        run.sendEvent(new ToolInputResponse(asked.callId(), "yes"));
      }
    });

    assertEquals(new AgentResult("mailer", "Done: the email was sent.", Map.of(), 2), run.result());
    assertEquals(List.of(QUESTION), seen.stream().filter(ToolInputRequired.class::isInstance).toList());
    assertEquals(List.of(new ToolCallResult("mailer", "call_1", "send_email", ARGS, "sent to bob@example.com", false)),
        seen.stream().filter(ToolCallResult.class::isInstance).toList());
    assertTrue(server.requests().get(1).contains(
        "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"sent to bob@example.com\"}"));
  }

  @Test
  void personAnswersAfterSnapshotAndResume() {
    WorkflowHandler<AgentResult> first = mailer().run(new AgentInput("Email bob"));
    assertEquals(QUESTION, question(first));
    String json = first.snapshot().toJson();
    first.cancel();

    // A new workflow object, as in a new process; the model's first turn is not asked again.
    WorkflowHandler<AgentResult> resumed = mailer().resume(Snapshot.fromJson(json));
    resumed.sendEvent(new ToolInputResponse("call_1", "no"));
    List<Event> events = resumed.events().toList();

    assertEquals(new AgentResult("mailer", "Done: the email was sent.", Map.of(), 2), resumed.result());
    assertEquals(List.of(new ToolCallResult("mailer", "call_1", "send_email", ARGS,
            "not sent: the person said no", false)),
        events.stream().filter(ToolCallResult.class::isInstance).toList());
    assertEquals(2, server.requests().size(), "one model call before the snapshot, one after the resume");
    assertEquals(2, toolStarts.get(), "the tool call in flight at the cut runs again (at-least-once)");
    assertTrue(server.requests().get(1).contains("\"content\":\"not sent: the person said no\""));
  }

  @Test
  void runWaitsInMemoryAndIsAnsweredAfterResumeById() {
    waitsInStoreAndIsAnsweredAfterResumeById(new InMemoryRunStore());
  }

  @Test
  void runWaitsInADirectoryAndIsAnsweredAfterResumeById(@TempDir Path dir) {
    waitsInStoreAndIsAnsweredAfterResumeById(DirectoryRunStore.open(dir));
  }

  private void waitsInStoreAndIsAnsweredAfterResumeById(RunStore store) {
    WorkflowHandler<AgentResult> first =
        mailer().run(new AgentInput("Email bob"), RunOptions.builder().runStore(store).runId("mail-1").build());
    assertEquals(QUESTION, question(first));
    assertEquals(RunStatus.WAITING, store.load("mail-1").orElseThrow().status());
    first.cancel();

    WorkflowHandler<AgentResult> resumed = mailer().resume("mail-1", store);
    resumed.sendEvent(new ToolInputResponse("call_1", "yes"));

    assertEquals(new AgentResult("mailer", "Done: the email was sent.", Map.of(), 2), resumed.result());
    assertEquals(RunStatus.FINISHED, store.load("mail-1").orElseThrow().status());
    assertEquals(2, server.requests().size());
  }
}
