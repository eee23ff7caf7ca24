package io.stepwise.behaviour;

import io.stepwise.Event;
import io.stepwise.HumanResponseEvent;
import io.stepwise.InputRequiredEvent;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Events with {@link URI} fields, written by the workflow's own {@link UriCodec}: a link waits in
 * the join buffer for a person's confirmation, so a snapshot taken meanwhile holds it.
 */
@Workflow(codecs = UriCodec.class)
public class LinkFlow {
  public record Begin(URI home) implements StartEvent {}

  public record Link(URI home, List<URI> mirrors, Map<String, Optional<URI>> byName) implements Event {}

  public record Confirm(URI home) implements InputRequiredEvent {}

  public record Confirmed(String who) implements HumanResponseEvent {}

  public record Linked(Link link, String who) implements StopEvent {}

  @Step
  Link start(Begin begin) {
    return new Link(begin.home(), List.of(begin.home().resolve("/mirror/1"), begin.home().resolve("/mirror/2")),
        Map.of("docs", Optional.of(begin.home().resolve("/docs")), "none", Optional.empty()));
  }

  @Step
  Confirm ask(Link link) {
    return new Confirm(link.home());
  }

  @Step
  Linked finish(Link link, Confirmed confirmed) {
    return new Linked(link, confirmed.who());
  }
}
