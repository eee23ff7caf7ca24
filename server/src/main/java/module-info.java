/**
 * A workflow server speaking LlamaIndex's workflow HTTP protocol on Helidon SE, and
 * {@code WorkflowClient}, its Java client.
 */
module io.stepwise.server {
  requires transitive io.stepwise.runtime;
  requires io.stepwise.stores;
  requires io.helidon.webserver;
  requires io.helidon.http;
  requires java.net.http;
  requires java.sql;
  requires tools.jackson.core;

  exports io.stepwise.server;

  uses io.stepwise.spi.WorkflowDefinition;
}
