package io.stepwise.processor;

import com.palantir.javapoet.ClassName;
import io.stepwise.processor.model.CodecModel;
import io.stepwise.processor.model.EventIndex;
import io.stepwise.processor.model.EventType;
import io.stepwise.processor.model.ProviderModel;
import io.stepwise.processor.model.StepModel;
import io.stepwise.processor.validation.CodecRule;
import io.stepwise.processor.validation.ErrorReporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * Walks a workflow's events (graph, streamed) and state type, with everything they contain, into a
 * {@link CodecModel}; a field the codecs cannot write is a {@code [Stepwise/Unserializable]} error
 * on the step that introduces the event. Field types are classified by {@link FieldTypes}.
 */
final class CodecReader {
  private static final CodecRule CODEC = new CodecRule();
  /** Events the runtime writes with hand-written codecs. */
  static final Set<String> BUILT_IN = Set.of("io.stepwise.StepFailedEvent", "io.stepwise.WorkflowFailedEvent",
      "io.stepwise.WorkflowTimedOutEvent", "io.stepwise.WorkflowCancelledEvent", "io.stepwise.MapStartEvent",
      "io.stepwise.ResultEvent", "io.stepwise.EventsDropped", "io.stepwise.WorkflowIdleEvent");

  private final javax.lang.model.util.Elements elements;
  private final EventTypes eventTypes;
  private final FieldTypes fieldTypes;
  private final ErrorReporter reporter;

  CodecReader(javax.lang.model.util.Elements elements, javax.lang.model.util.Types types, EventTypes eventTypes,
      ErrorReporter reporter) {
    this.elements = elements;
    this.eventTypes = eventTypes;
    this.fieldTypes = new FieldTypes(elements, types, eventTypes, reporter);
    this.reporter = reporter;
  }

  /**
   * @param state the workflow's state type, if it has one; its errors are reported on {@code stateSite}
   * @param userCodecs the codecs the workflow supplies, checked by {@link UserCodecReader}
   */
  CodecModel read(EventIndex index, Optional<TypeElement> state, Element stateSite,
      java.util.List<UserCodecReader.UserCodec> userCodecs) {
    var workflow = index.workflow();
    Map<String, Root> roots = new TreeMap<>();
    for (StepModel step : workflow.steps()) {
      var mentioned = new ArrayList<EventType>();
      mentioned.addAll(step.accepted());
      mentioned.addAll(step.produced());
      mentioned.addAll(step.routing().streamed());
      // What a wait takes is kept in snapshots (to replay the wait), so it must be writable too.
      mentioned.addAll(step.awaited());
      for (EventType event : mentioned) {
        TypeElement type = elements.getTypeElement(event.canonicalName());
        if (type == null) {
          continue;
        }
        for (EventType concrete : eventTypes.expand(type)) {
          if (!BUILT_IN.contains(concrete.canonicalName())) {
            roots.putIfAbsent(concrete.canonicalName(),
                new Root(elements.getTypeElement(concrete.canonicalName()), step.source()));
          }
        }
      }
    }
    var walk = fieldTypes.newWalk(workflow.type().packageName(), userCodecs);
    var events = new ArrayList<ClassName>();
    for (Root root : roots.values()) {
      walk.root("Event", root.type(), root.site());
      events.add(ClassName.get(root.type()));
    }
    state.ifPresent(s -> walk.root("State", s, stateSite));
    // A @Config record is read from its file with a generated codec, so it must be writable as one.
    var configs = new TreeMap<String, ClassName>();
    for (ProviderModel provider : workflow.providers()) {
      TypeElement config = provider.isConfig() ? elements.getTypeElement(provider.type().toString()) : null;
      if (config != null && configs.putIfAbsent(config.getQualifiedName().toString(), ClassName.get(config)) == null) {
        walk.root("Config", config, provider.source());
      }
    }
    for (var unused : walk.unusedCodecs()) {
      // After every root, config records included. Likely a codec for the wrong type (URL for URI, say): harmless, but the field it was meant for is not covered.
      String codec = String.join(".", unused.codec().simpleNames());
      reporter.warning(stateSite, CODEC.message("Workflow '" + String.join(".", workflow.type().simpleNames()))
          + "' names codec " + codec + " for "
          + unused.type() + ", but no field of its events or state has that type. Remove " + codec
          + " from codecs, or make it handle the field's type.");
    }
    return new CodecModel(workflow.codecsName(), workflow.name(), events, state.map(ClassName::get),
        walk.objects(), walk.enums(), walk.sealed(), List.copyOf(configs.values()));
  }

  private record Root(TypeElement type, Element site) {
    Root {
      if (type.getKind() == ElementKind.INTERFACE) {
        throw new IllegalArgumentException("roots are concrete: " + type);
      }
    }
  }

}
