package io.stepwise;

/**
 * JSON that a workflow's codecs refused to decode: malformed text, an unknown type tag, a wrong
 * token at a field path, or a document beyond the size or nesting limits. Decoding never returns
 * a partly restored value; it returns a whole one or throws this.
 */
public class JsonDecodingException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  public JsonDecodingException(String message) {
    super(message);
  }

  public JsonDecodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
