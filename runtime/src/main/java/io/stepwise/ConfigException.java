package io.stepwise;

/**
 * A config file a workflow's {@code @Config} resource reads is missing, is not valid JSON, or does
 * not fit its record: the message names the file, the field (as {@code $.section.field}) and what
 * to change. The step that needed the resource fails with it, like any resource that cannot be
 * created, and the next step that needs it reads the file again.
 */
public class ConfigException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  private final String file;

  public ConfigException(String file, String message) {
    super(message);
    this.file = file;
  }

  public ConfigException(String file, String message, Throwable cause) {
    super(message, cause);
    this.file = file;
  }

  /** The file as {@code @Config} names it. */
  public String file() {
    return file;
  }
}
