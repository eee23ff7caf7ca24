package io.stepwise.processor.validation;

/**
 * {@code [Stepwise/Unserializable]}: every field of an event, the state or a config record has a
 * type the generated codecs can write; judged by {@code FieldTypes} while it walks the fields,
 * which writes its messages with {@link #message}.
 */
public final class UnserializableRule implements Rule {
  @Override
  public String id() {
    return "[Stepwise/Unserializable]";
  }
}
