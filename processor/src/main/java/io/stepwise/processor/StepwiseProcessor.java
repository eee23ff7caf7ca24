package io.stepwise.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import io.stepwise.processor.codegen.CodecsGenerator;
import io.stepwise.processor.codegen.GraphResourceGenerator;
import io.stepwise.processor.codegen.ServiceFileGenerator;
import io.stepwise.processor.codegen.WorkflowDefinitionGenerator;
import io.stepwise.processor.model.EventIndex;
import io.stepwise.processor.model.WorkflowModel;
import io.stepwise.processor.validation.ErrorReporter;
import io.stepwise.processor.validation.GraphValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.StandardLocation;

/**
 * Proves the event graph of every {@code @Workflow} class and generates its reflection-free
 * {@code WorkflowDefinition}; a workflow with any error gets no generated code.
 */
@AutoService(Processor.class)
public final class StepwiseProcessor extends AbstractProcessor {
  private final List<String> definitions = new ArrayList<>();
  private ErrorReporter reporter;
  private WorkflowReader reader;
  private WorkflowDefinitionGenerator generator;
  private CodecReader codecReader;
  private CodecsGenerator codecsGenerator;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    var elements = env.getElementUtils();
    var eventTypes = new EventTypes(elements, env.getTypeUtils());
    reporter = new ErrorReporter(env.getMessager());
    var stepReader = new StepReader(elements, eventTypes, SentEventScanner.create(env, eventTypes), reporter);
    var stateReader = new StateReader(elements, env.getTypeUtils(), eventTypes, reporter);
    var resourceReader = new ResourceReader(elements, env.getTypeUtils(), eventTypes, reporter);
    reader = new WorkflowReader(elements, stepReader, stateReader, resourceReader, reporter);
    boolean generatedAvailable = elements.getTypeElement("javax.annotation.processing.Generated") != null;
    generator = new WorkflowDefinitionGenerator(generatedAvailable);
    codecReader = new CodecReader(elements, env.getTypeUtils(), eventTypes, reporter);
    codecsGenerator = new CodecsGenerator(generatedAvailable);
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
    var steps = new LinkedHashSet<Element>(); // a method may carry both @Step and @CatchError
    for (TypeElement annotation : annotations) {
      if (annotation.getQualifiedName().contentEquals(StepReader.STEP)
          || annotation.getQualifiedName().contentEquals(StepReader.CATCH_ERROR)) {
        steps.addAll(round.getElementsAnnotatedWith(annotation));
      }
    }
    steps.forEach(this::checkEnclosedByWorkflow);
    for (TypeElement annotation : annotations) {
      if (annotation.getQualifiedName().contentEquals(WorkflowReader.WORKFLOW)) {
        for (Element element : round.getElementsAnnotatedWith(annotation)) {
          process((TypeElement) element);
        }
      }
    }
    if (round.processingOver() && !definitions.isEmpty()) {
      writeServiceFile();
    }
    // Only Stepwise's own annotations are supported, so claiming them hides nothing from other processors.
    return true;
  }

  private void process(TypeElement type) {
    int before = reporter.count();
    WorkflowModel workflow = reader.read(type);
    var index = new EventIndex(workflow);
    GraphValidator.validate(index, reporter);
    var codecs = codecReader.read(index, stateElement(workflow), type);
    if (reporter.count() > before) {
      return;
    }
    write(generator.generate(index), workflow.generatedName(), type);
    write(codecsGenerator.generate(codecs), workflow.codecsName(), type);
    String binaryName = workflow.generatedName().reflectionName();
    writeResource(GraphResourceGenerator.path(binaryName, "mmd"), GraphResourceGenerator.mermaid(index), type);
    writeResource(GraphResourceGenerator.path(binaryName, "json"), GraphResourceGenerator.json(index), type);
    definitions.add(binaryName);
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

  private void checkEnclosedByWorkflow(Element step) {
    Element owner = step.getEnclosingElement();
    if (step.getKind() == ElementKind.METHOD
        && AnnotationValues.findMirror(owner, WorkflowReader.WORKFLOW).isEmpty()) {
      String ownerLabel = owner instanceof TypeElement type
          ? String.join(".", ClassName.get(type).simpleNames())
          : owner.getSimpleName().toString();
      reporter.error(step, "[Stepwise/WorkflowClass] Step '" + step.getSimpleName() + "' is declared in "
          + ownerLabel + ", which is not annotated @Workflow. Annotate " + ownerLabel
          + " with @Workflow, or remove @Step.");
    }
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
