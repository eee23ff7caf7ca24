package io.stepwise.server;

import io.stepwise.server.flows.EchoFlow;
import io.stepwise.server.flows.InterviewFlow;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A server in a process of its own, for the test that kills it: {@code ServerProcessMain DB_FILE
 * PORT_FILE}; writes the port it listens on to PORT_FILE once it serves.
 */
final class ServerProcessMain {
  private ServerProcessMain() {}

  public static void main(String[] args) throws Exception {
    var server = WorkflowServer.builder().port(0).database("jdbc:sqlite:" + args[0])
        .workflow(InterviewFlow.class, new InterviewFlow())
        .workflow(EchoFlow.class, new EchoFlow())
        .build().start();
    Path portFile = Path.of(args[1]);
    Path partial = portFile.resolveSibling(portFile.getFileName() + ".tmp");
    Files.writeString(partial, server.port() + " " + String.join(",", server.resumedHandlers()));
    Files.move(partial, portFile);
    Thread.currentThread().join();
  }
}
