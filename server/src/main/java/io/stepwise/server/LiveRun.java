package io.stepwise.server;

import io.stepwise.WorkflowHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A run this server process drives: its handler, the log its clients stream from, the handler
 * record it ends with, and whether any client has streamed it yet.
 */
record LiveRun(String handlerId, HostedWorkflow<?, ?> workflow, WorkflowHandler<?> handler, RunLog log,
    CompletableFuture<HandlerRecord> ended, AtomicBoolean streamed) {}
