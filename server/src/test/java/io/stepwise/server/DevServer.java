package io.stepwise.server;

import java.nio.file.Files;
import java.nio.file.Path;

/** Starts the test workflows' server for trying clients by hand: {@code DevServer PORT [DEBUGGER_DIST]}. */
final class DevServer {
  private DevServer() {}

  public static void main(String[] args) throws Exception {
    var builder = ServerFixture.builder(Files.createTempDirectory("stepwise-dev")).port(Integer.parseInt(args[0]));
    if (args.length > 1) {
      builder.debuggerDist(Path.of(args[1]));
    }
    builder.build().start();
    System.out.println("listening on " + args[0]);
    Thread.currentThread().join();
  }
}
