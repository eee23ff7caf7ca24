package io.stepwise.processor.validation;

/**
 * {@code [Stepwise/Codec]}: a class in {@code @Workflow(codecs)} is a codec the generated code can
 * create, for a type that is not an event, one per type; judged by {@code UserCodecReader}, which
 * writes its messages with {@link #message}.
 */
public final class CodecRule implements Rule {
  @Override
  public String id() {
    return "[Stepwise/Codec]";
  }
}
