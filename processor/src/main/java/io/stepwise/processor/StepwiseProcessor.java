package io.stepwise.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import io.stepwise.processor.codegen.CodecsGenerator;
import io.stepwise.processor.codegen.GraphResourceGenerator;
import io.stepwise.processor.codegen.JsonSchemaResourceGenerator;
import io.stepwise.processor.codegen.ServiceFileGenerator;
import io.stepwise.processor.codegen.WorkflowDefinitionGenerator;
import io.stepwise.processor.model.CodecModel;
import io.stepwise.processor.model.EventIndex;
import io.stepwise.processor.model.EventType;
import io.stepwise.processor.model.StepModel;
import io.stepwise.processor.model.WorkflowModel;
import io.stepwise.processor.validation.ErrorReporter;
import io.stepwise.processor.validation.GraphValidator;
import io.stepwise.processor.validation.UndefinedTypeRule;
import io.stepwise.processor.validation.WorkflowClassRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.tools.StandardLocation;

/**
 * Proves the event graph of every {@code @Workflow} class and generates its reflection-free
 * {@code WorkflowDefinition}; a workflow with any error gets no generated code.
 *
 * <p>A workflow that uses a type which does not exist yet (another processor may generate it in
 * this round) is read again in the next round, and reported only if the type never appears. A
 * failure of the processor itself becomes one {@code [Stepwise/InternalError]} on the workflow
 * it was reading; the other workflows are still processed.
 */
@AutoService(Processor.class)
public final class StepwiseProcessor extends AbstractProcessor {
  private static final WorkflowClassRule WORKFLOW_CLASS = new WorkflowClassRule();
  private static final UndefinedTypeRule UNDEFINED_TYPE = new UndefinedTypeRule();
  private final List<String> definitions = new ArrayList<>();
  /** Workflows to read again next round, by qualified name: elements are not kept across rounds. */
  private final Set<String> deferred = new LinkedHashSet<>();
  /** Classes that declare steps without being a workflow: fine if some workflow extends them. */
  private final Set<String> stepOwners = new TreeSet<>();
  private final Set<String> workflowSupertypes = new HashSet<>();
  /** Called with each workflow's qualified name before it is read; tests make it fail. */
  private final Consumer<String> beforeEachWorkflow;
  private ErrorReporter reporter;
  private StepReader stepReader;
  private WorkflowReader reader;
  private WorkflowDefinitionGenerator generator;
  private CodecReader codecReader;
  private UserCodecReader userCodecReader;
  private CodecsGenerator codecsGenerator;
  private Optional<SendCheck> sendCheck;

  public StepwiseProcessor() {
    this(name -> { });
  }

  /** For tests of the processor's own failures. */
  StepwiseProcessor(Consumer<String> beforeEachWorkflow) {
    this.beforeEachWorkflow = beforeEachWorkflow;
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    var elements = env.getElementUtils();
    var eventTypes = new EventTypes(elements, env.getTypeUtils());
    reporter = new ErrorReporter(env.getMessager());
    var scanner = SentEventScanner.create(env, eventTypes);
    stepReader = new StepReader(elements, eventTypes, scanner, reporter);
    var stateReader = new StateReader(elements, env.getTypeUtils(), eventTypes, reporter);
    var resourceReader = new ResourceReader(elements, env.getTypeUtils(), eventTypes, reporter);
    var members = new WorkflowMembers(elements, env.getTypeUtils());
    reader = new WorkflowReader(elements, members, stepReader, stateReader, resourceReader, reporter);
    boolean generatedAvailable = elements.getTypeElement("javax.annotation.processing.Generated") != null;
    generator = new WorkflowDefinitionGenerator(generatedAvailable);
    codecReader = new CodecReader(elements, env.getTypeUtils(), eventTypes, reporter);
    userCodecReader = new UserCodecReader(elements, env.getTypeUtils(), eventTypes, reporter);
    codecsGenerator = new CodecsGenerator(generatedAvailable);
    sendCheck = SendCheck.install(env, scanner);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(WorkflowReader.WORKFLOW, StepReader.STEP, StepReader.CATCH_ERROR);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      processRound(annotations, round);
    } catch (RuntimeException | AssertionError | StackOverflowError crash) {
      // Outside any one workflow (each catches its own): still one error, never a javac crash.
      reporter.error(null, InternalErrorMessage.of(crash));
    }
    // Only Stepwise's own annotations are supported, so claiming them hides nothing from other processors.
    return true;
  }

  private void processRound(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    boolean last = round.processingOver();
    // No processor runs after the last round: a name in a body that still resolves to nothing is
    // beyond this processor's reading, and javac will say whether it exists.
    stepReader.tolerateMissingBodyTypes(last);
    var workflows = new LinkedHashSet<TypeElement>();
    deferred.stream()
        .map(name -> processingEnv.getElementUtils().getTypeElement(name))
        .filter(type -> type != null)
        .forEach(workflows::add);
    deferred.clear();
    for (TypeElement annotation : annotations) {
      String name = annotation.getQualifiedName().toString();
      if (name.equals(StepReader.STEP) || name.equals(StepReader.CATCH_ERROR)) {
        round.getElementsAnnotatedWith(annotation).forEach(this::noteStepOwner);
      } else if (name.equals(WorkflowReader.WORKFLOW)) {
        round.getElementsAnnotatedWith(annotation).stream()
            .filter(TypeElement.class::isInstance)
            .map(TypeElement.class::cast)
            .forEach(workflows::add);
      }
    }
    workflows.forEach(type -> process(type, last));
    if (last) {
      reportStepsOutsideWorkflows();
      if (!definitions.isEmpty()) {
        writeServiceFile();
      }
    }
  }

  /** Reads, checks and generates one workflow, keeping its troubles to itself. */
  private void process(TypeElement type, boolean last) {
    String name = type.getQualifiedName().toString();
    reporter.hold();
    try {
      WorkflowMembers.supertypes(type).forEach(t -> workflowSupertypes.add(t.getQualifiedName().toString()));
      beforeEachWorkflow.accept(name);
      generate(type);
      reporter.release();
    } catch (MissingTypeException missing) {
      reporter.discard();
      if (last) {
        reporter.error(type, UNDEFINED_TYPE.message("Workflow class '" + label(type) + "' uses ")
            + missing.typeName() + ", which no source declares and no annotation processor generated, so "
            + generatedName(type) + " was not generated. Declare " + missing.typeName()
            + ", or fix what kept it from being generated.");
      } else {
        deferred.add(name);
      }
    } catch (RuntimeException | AssertionError | StackOverflowError crash) {
      reporter.discard();
      reporter.error(type, InternalErrorMessage.of(label(type), name, crash));
    }
  }

  private void generate(TypeElement type) {
    int before = reporter.count();
    var read = reader.read(type);
    WorkflowModel workflow = read.workflow();
    var index = new EventIndex(workflow);
    GraphValidator.validate(index, reporter);
    var codecs = codecReader.read(index, stateElement(workflow), type, userCodecReader.read(type));
    if (reporter.count() > before) {
      return;
    }
    var graph = GraphResourceGenerator.graph(index);
    write(generator.generate(index, graph), workflow.generatedName(), type);
    write(codecsGenerator.generate(codecs), workflow.codecsName(), type);
    String binaryName = workflow.generatedName().reflectionName();
    writeResource(GraphResourceGenerator.path(binaryName, "mmd"), GraphResourceGenerator.mermaid(graph), type);
    writeResource(GraphResourceGenerator.path(binaryName, "json"), GraphResourceGenerator.json(graph), type);
    writeResource(JsonSchemaResourceGenerator.path(binaryName), JsonSchemaResourceGenerator.json(codecs), type);
    definitions.add(binaryName);
    sendCheck.ifPresent(check -> expectSends(check, workflow, read.methods(), codecs));
  }

  /** Hands each step's promise to the check that reads its body again once javac has attributed it. */
  private static void expectSends(SendCheck check, WorkflowModel workflow, List<ExecutableElement> methods,
      CodecModel codecs) {
    var withCodecs = new HashSet<>(CodecReader.BUILT_IN);
    codecs.events().forEach(event -> withCodecs.add(event.canonicalName()));
    for (StepModel step : workflow.steps()) {
      check.expect(methods.get(step.index()), new SendCheck.Allowed(step.name(), names(step.descriptorProduces()),
          Set.copyOf(withCodecs), names(step.awaited())));
    }
  }

  private static Set<String> names(List<EventType> events) {
    return events.stream().map(EventType::canonicalName).collect(Collectors.toUnmodifiableSet());
  }

  private Optional<TypeElement> stateElement(WorkflowModel workflow) {
    return Optional.ofNullable(workflow.state())
        .map(state -> processingEnv.getElementUtils().getTypeElement(state.type().canonicalName()));
  }

  private void write(JavaFile file, ClassName name, TypeElement origin) {
    try (Writer writer = processingEnv.getFiler().createSourceFile(name.canonicalName(), origin).openWriter()) {
      file.writeTo(writer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + name.canonicalName(), e);
    }
  }

  private void writeResource(String path, String content, TypeElement origin) {
    try (Writer writer = processingEnv.getFiler()
        .createResource(StandardLocation.CLASS_OUTPUT, "", path, origin)
        .openWriter()) {
      writer.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  /**
   * A step outside a {@code @Workflow} class is fine in a base meant to be extended (an abstract
   * class or an interface) or in a class a workflow extends; which classes workflows extend is
   * known once every round has run.
   */
  private void noteStepOwner(Element step) {
    if (step.getKind() == ElementKind.METHOD
        && step.getEnclosingElement() instanceof TypeElement owner
        && AnnotationValues.findMirror(owner, WorkflowReader.WORKFLOW).isEmpty()
        && owner.getKind() != ElementKind.INTERFACE
        && !owner.getModifiers().contains(Modifier.ABSTRACT)) {
      stepOwners.add(owner.getQualifiedName().toString());
    }
  }

  private void reportStepsOutsideWorkflows() {
    for (String ownerName : stepOwners) {
      TypeElement owner = processingEnv.getElementUtils().getTypeElement(ownerName);
      if (owner == null || workflowSupertypes.contains(ownerName)) {
        continue;
      }
      String ownerLabel = label(owner);
      for (Element member : owner.getEnclosedElements()) {
        if (member.getKind() == ElementKind.METHOD
            && (AnnotationValues.findMirror(member, StepReader.STEP).isPresent()
                || AnnotationValues.findMirror(member, StepReader.CATCH_ERROR).isPresent())) {
          reporter.error(member, WORKFLOW_CLASS.stepOutsideWorkflow(member.getSimpleName().toString(), ownerLabel));
        }
      }
    }
  }

  private static String label(TypeElement type) {
    return String.join(".", ClassName.get(type).simpleNames());
  }

  private static String generatedName(TypeElement type) {
    return String.join("_", ClassName.get(type).simpleNames()) + "_Workflow";
  }

  private void writeServiceFile() {
    try (Writer writer = processingEnv.getFiler()
        .createResource(StandardLocation.CLASS_OUTPUT, "", ServiceFileGenerator.PATH)
        .openWriter()) {
      writer.write(ServiceFileGenerator.content(definitions));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + ServiceFileGenerator.PATH, e);
    }
  }
}
