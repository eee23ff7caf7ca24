package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.Snapshot;
import io.stepwise.WorkflowCancelledException;
import io.stepwise.WorkflowHandler;
import io.stepwise.behaviour.LinkFlow.Begin;
import io.stepwise.behaviour.LinkFlow.Confirm;
import io.stepwise.behaviour.LinkFlow.Confirmed;
import io.stepwise.behaviour.LinkFlow.Link;
import io.stepwise.behaviour.LinkFlow.Linked;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A field type only a user codec can write survives a snapshot, inside lists, maps and optionals too. */
class UserCodecTest {
  private static final URI HOME = URI.create("https://example.com/home?q=1");

  @Test
  void eventWithUserCodecFieldsRoundTripsThroughASnapshot() {
    WorkflowHandler<Linked> first = LinkFlow_Workflow.of(new LinkFlow()).run(new Begin(HOME));
    assertEquals(new Confirm(HOME), first.events().iterator().next());
    Snapshot snapshot = first.snapshot();
    first.cancel();
    assertThrows(WorkflowCancelledException.class, first::result);
    String json = snapshot.toJson();
    assertTrue(json.contains("{\"@type\":\"io.stepwise.behaviour.LinkFlow.Link\",\"home\":\"https://example.com/home?q=1\","
        + "\"mirrors\":[\"https://example.com/mirror/1\",\"https://example.com/mirror/2\"],\"byName\":{"), json);
    assertTrue(json.contains("\"docs\":\"https://example.com/docs\""), json);
    assertTrue(json.contains("\"none\":null"), json);

    WorkflowHandler<Linked> resumed = LinkFlow_Workflow.of(new LinkFlow()).resume(Snapshot.fromJson(json));
    resumed.sendEvent(new Confirmed("ada"));

    Link link = new Link(HOME, List.of(URI.create("https://example.com/mirror/1"), URI.create("https://example.com/mirror/2")),
        Map.of("docs", Optional.of(URI.create("https://example.com/docs")), "none", Optional.empty()));
    assertEquals(new Linked(link, "ada"), resumed.result());
  }

  @Test
  void badUriInASnapshotIsAClearDecodingError() {
    WorkflowHandler<Linked> first = LinkFlow_Workflow.of(new LinkFlow()).run(new Begin(HOME));
    first.events().iterator().next();
    String json = first.snapshot().toJson();
    first.cancel();
    String broken = json.replace("\"https://example.com/mirror/2\"", "\"not a uri\"");
    var error = assertThrows(RuntimeException.class,
        () -> LinkFlow_Workflow.of(new LinkFlow()).resume(Snapshot.fromJson(broken)));
    assertTrue(error.getMessage().contains("expected a URI, found \"not a uri\""), error.getMessage());
  }
}
