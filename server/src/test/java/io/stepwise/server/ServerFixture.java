package io.stepwise.server;

import io.stepwise.server.flows.EchoFlow;
import io.stepwise.server.flows.InterviewFlow;
import java.nio.file.Path;

/** Builders of servers under test: both test workflows, a fresh SQLite file, any free port. */
final class ServerFixture {
  private ServerFixture() {}

  static WorkflowServer.Builder builder(Path dir) {
    return WorkflowServer.builder()
        .port(0)
        .database("jdbc:sqlite:" + dir.resolve("server.db"))
        .workflow(InterviewFlow.class, new InterviewFlow())
        .workflow(EchoFlow.class, new EchoFlow());
  }
}
