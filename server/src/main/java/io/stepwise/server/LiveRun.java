package io.stepwise.server;

import io.stepwise.WorkflowHandler;
import java.util.concurrent.CompletableFuture;

/**
 * A run this server process drives: its handler, the log its clients stream from, and the
 * handler record it ends with.
 */
record LiveRun(String handlerId, HostedWorkflow<?, ?> workflow, WorkflowHandler<?> handler, RunLog log,
    CompletableFuture<HandlerRecord> ended) {}
