package io.stepwise.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.stepwise.RunOptions;
import io.stepwise.WorkflowFailedException;
import io.stepwise.opentelemetry.TracedFlows.Order;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InstalledObserversTest {

  @Test
  void observerListedAsAServiceSeesRunsStartedWithoutOptions() {
    var broken = TracedFlows_BrokenFlow_Workflow.of(new TracedFlows.BrokenFlow());
    int before = CountingObserver.ENDED.computeIfAbsent("broken", w -> new AtomicInteger()).get();

    assertThrows(WorkflowFailedException.class, () -> broken.run(new Order("kite")).result());

    assertEquals(before + 1, CountingObserver.ENDED.get("broken").get());
  }

  @Test
  void globalTracingObserverTracesWithTheGlobalOpenTelemetrySetBeforeItsFirstRun() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
        .build();
    GlobalTracingObserver global = new GlobalTracingObserver(); // made before the global is set, as a service is
    GlobalOpenTelemetry.set(otel); // the only test of this JVM that sets or reads it
    try {
      var broken = TracedFlows_BrokenFlow_Workflow.of(new TracedFlows.BrokenFlow());
      assertThrows(WorkflowFailedException.class,
          () -> broken.run(new Order("kite"), RunOptions.builder().observer(global).build()).result());

      assertEquals(List.of("step bill", "run broken"),
          exporter.getFinishedSpanItems().stream().map(SpanData::getName).toList());
    } finally {
      GlobalOpenTelemetry.resetForTest();
      otel.close();
    }
  }
}
