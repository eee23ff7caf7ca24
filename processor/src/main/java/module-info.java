/**
 * The Stepwise annotation processor: proves a workflow's event graph inside javac and writes its
 * dispatch table, codecs and graph resources. Runs on the compiler's processor path.
 */
module io.stepwise.processor {
  requires java.compiler;
  requires jdk.compiler; // com.sun.source: reads step bodies for the events they send
  requires io.stepwise.annotations; // GraphCheck: the rules skipChecks may name
  requires io.stepwise.model;
  requires com.palantir.javapoet;
  requires static com.google.auto.service;

  provides javax.annotation.processing.Processor with io.stepwise.processor.StepwiseProcessor;
}
