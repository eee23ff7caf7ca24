package io.stepwise.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.stepwise.RunOptions;
import io.stepwise.WorkflowFailedException;
import io.stepwise.opentelemetry.TracedFlows.Order;
import io.stepwise.opentelemetry.TracedFlows.Receipt;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TracingObserverTest {
  private static final String FLOWS = "io.stepwise.opentelemetry.TracedFlows.";

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
      .build();
  private final Tracer callerTracer = otel.getTracer("caller");

  @AfterEach
  void close() {
    otel.close();
  }

  @Test
  void runWithRetryAndChildRunIsOneTraceUnderTheCallersSpan() {
    var shop = TracedFlows_ShopFlow_Workflow.of(new TracedFlows.ShopFlow());
    RunOptions options = RunOptions.builder().runId("order-1").observer(TracingObserver.create(otel)).build();

    Span request = callerTracer.spanBuilder("POST /orders").startSpan();
    Receipt receipt;
    try (Scope ignored = request.makeCurrent()) {
      receipt = shop.run(new Order("kite"), options).result();
    } finally {
      request.end();
    }

    assertEquals("kite for 250 cents, 4 left", receipt.text());
    List<SpanData> spans = exporter.getFinishedSpanItems();
    String childRunId = spans.stream().filter(span -> span.getName().equals("run stock")).findFirst().orElseThrow()
        .getAttributes().get(StepwiseAttributes.RUN_ID);
    assertEquals("""
        POST /orders [UNSET] {}
            run shop [UNSET] {stepwise.emitted.summary=Receipt[text=kite for 250 cents, 4 left], \
        stepwise.emitted.types=[FLOWSReceipt], stepwise.event.summary=Order[item=kite], \
        stepwise.event.types=[FLOWSOrder], stepwise.run.id=order-1, stepwise.run.outcome=SUCCEEDED, \
        stepwise.run.resumed=false, stepwise.workflow=shop}
              * stepwise.retry {stepwise.retry.delay_ms=5, stepwise.retry.next_attempt=2, stepwise.step=price}
                step price [ERROR: java.lang.IllegalStateException: price service busy] \
        {stepwise.event.summary=Order[item=kite], stepwise.event.types=[FLOWSOrder], stepwise.run.id=order-1, \
        stepwise.step=price, stepwise.step.attempt=1, stepwise.step.outcome=failed, stepwise.workflow=shop}
                  * exception {exception.message=price service busy, exception.type=java.lang.IllegalStateException}
                step price [UNSET] {stepwise.emitted.summary=Priced[item=kite, cents=250], \
        stepwise.emitted.types=[FLOWSPriced], stepwise.event.summary=Order[item=kite], \
        stepwise.event.types=[FLOWSOrder], stepwise.run.id=order-1, stepwise.step=price, stepwise.step.attempt=2, \
        stepwise.step.outcome=finished, stepwise.workflow=shop}
                step bill [UNSET] {stepwise.emitted.summary=Receipt[text=kite for 250 cents, 4 left], \
        stepwise.emitted.types=[FLOWSReceipt], stepwise.event.summary=Priced[item=kite, cents=250], \
        stepwise.event.types=[FLOWSPriced], stepwise.run.id=order-1, stepwise.step=bill, stepwise.step.attempt=1, \
        stepwise.step.outcome=finished, stepwise.workflow=shop}
                  * stepwise.child_run {stepwise.child.run.id=CHILD, stepwise.child.workflow=stock}
                    run stock [UNSET] {stepwise.emitted.summary=Stock[count=4], stepwise.emitted.types=[FLOWSStock], \
        stepwise.event.summary=Ask[item=kite], stepwise.event.types=[FLOWSAsk], stepwise.run.id=CHILD, \
        stepwise.run.outcome=SUCCEEDED, stepwise.run.resumed=false, stepwise.workflow=stock}
                        step count [UNSET] {stepwise.emitted.summary=Stock[count=4], \
        stepwise.emitted.types=[FLOWSStock], stepwise.event.summary=Ask[item=kite], stepwise.event.types=[FLOWSAsk], \
        stepwise.run.id=CHILD, stepwise.step=count, stepwise.step.attempt=1, stepwise.step.outcome=finished, \
        stepwise.workflow=stock}
        """.replace("FLOWS", FLOWS).replace("CHILD", childRunId), SpanTree.draw(spans));
    // One trace: the caller's.
    assertEquals(1, spans.stream().map(SpanData::getTraceId).distinct().count());
  }

  @Test
  void failedRunRecordsTheStepsErrorAndTheRunsOnRootSpans() {
    var broken = TracedFlows_BrokenFlow_Workflow.of(new TracedFlows.BrokenFlow());
    RunOptions options = RunOptions.builder().runId("order-2").observer(TracingObserver.create(otel)).build();

    var run = broken.run(new Order("kite"), options);

    assertThrows(WorkflowFailedException.class, run::result);
    assertEquals("""
        run broken [ERROR: io.stepwise.WorkflowFailedException: Workflow 'broken' failed in step 'bill': \
        java.lang.IllegalArgumentException: no price for kite] {stepwise.emitted.summary=WorkflowFailedEvent[step=bill, \
        errorType=java.lang.IllegalArgumentException, message=no price for kite], \
        stepwise.emitted.types=[io.stepwise.WorkflowFailedEvent], stepwise.event.summary=Order[item=kite], \
        stepwise.event.types=[FLOWSOrder], stepwise.run.id=order-2, stepwise.run.outcome=FAILED, \
        stepwise.run.resumed=false, stepwise.workflow=broken}
          * exception {exception.message=Workflow 'broken' failed in step 'bill': java.lang.IllegalArgumentException: \
        no price for kite, exception.type=io.stepwise.WorkflowFailedException}
            step bill [ERROR: java.lang.IllegalArgumentException: no price for kite] \
        {stepwise.event.summary=Order[item=kite], stepwise.event.types=[FLOWSOrder], stepwise.run.id=order-2, \
        stepwise.step=bill, stepwise.step.attempt=1, stepwise.step.outcome=failed, stepwise.workflow=broken}
              * exception {exception.message=no price for kite, exception.type=java.lang.IllegalArgumentException}
        """.replace("FLOWS", FLOWS), SpanTree.draw(exporter.getFinishedSpanItems()));
    // No span was current when run was called: the run's span starts a trace of its own.
    SpanData runSpan = exporter.getFinishedSpanItems().stream().filter(span -> span.getName().equals("run broken"))
        .findFirst().orElseThrow();
    assertEquals(false, runSpan.getParentSpanContext().isValid());
  }

  @Test
  void summariesCanBeLeftOut() {
    var broken = TracedFlows_BrokenFlow_Workflow.of(new TracedFlows.BrokenFlow());
    TracingObserver quiet = TracingObserver.builder(otel).eventSummary(event -> null).build();

    assertThrows(WorkflowFailedException.class,
        () -> broken.run(new Order("secret"), RunOptions.builder().observer(quiet).build()).result());

    for (SpanData span : exporter.getFinishedSpanItems()) {
      assertEquals(null, span.getAttributes().get(StepwiseAttributes.EVENT_SUMMARY), span.getName());
      assertEquals(null, span.getAttributes().get(StepwiseAttributes.EMITTED_SUMMARY), span.getName());
    }
    assertEquals(2, exporter.getFinishedSpanItems().size());
  }

  @Test
  void summaryIsCutToItsLength() {
    String longItem = "x".repeat(300);
    String summary = TracingObserver.defaultSummary(new Order(longItem));
    assertEquals(TracingObserver.SUMMARY_LENGTH, summary.length());
    assertEquals("Order[item=" + "x".repeat(TracingObserver.SUMMARY_LENGTH - 12) + "…", summary);
  }

  @Test
  void answerFromOutsideIsAnEventOnTheRunSpan() {
    var asking = TracedFlows_AskingFlow_Workflow.of(new TracedFlows.AskingFlow());
    var run = asking.run(new Order("kite"), RunOptions.builder().runId("order-3").observer(TracingObserver.create(otel))
        .build());
    run.events().filter(event -> event instanceof TracedFlows.Question).findFirst().orElseThrow();

    run.sendEvent(new TracedFlows.Reply(true));

    assertEquals("billed", run.result().text());
    assertEquals("""
        run asking [UNSET] {stepwise.emitted.summary=Receipt[text=billed], stepwise.emitted.types=[FLOWSReceipt], \
        stepwise.event.summary=Order[item=kite], stepwise.event.types=[FLOWSOrder], stepwise.run.id=order-3, \
        stepwise.run.outcome=SUCCEEDED, stepwise.run.resumed=false, stepwise.workflow=asking}
          * stepwise.event.received {stepwise.event.summary=Reply[yes=true], stepwise.event.types=[FLOWSReply]}
            step ask [UNSET] {stepwise.emitted.summary=Question[text=bill kite?], stepwise.emitted.types=[FLOWSQuestion], \
        stepwise.event.summary=Order[item=kite], stepwise.event.types=[FLOWSOrder], stepwise.run.id=order-3, \
        stepwise.step=ask, stepwise.step.attempt=1, stepwise.step.outcome=finished, stepwise.workflow=asking}
            step answer [UNSET] {stepwise.emitted.summary=Receipt[text=billed], stepwise.emitted.types=[FLOWSReceipt], \
        stepwise.event.summary=Reply[yes=true], stepwise.event.types=[FLOWSReply], stepwise.run.id=order-3, \
        stepwise.step=answer, stepwise.step.attempt=1, stepwise.step.outcome=finished, stepwise.workflow=asking}
        """.replace("FLOWS", FLOWS), SpanTree.draw(exporter.getFinishedSpanItems()));
  }
}
