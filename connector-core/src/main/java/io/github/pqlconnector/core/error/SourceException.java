package io.github.pqlconnector.core.error;

/** An analytics source cannot be read: missing file, refused credentials, unreachable host. */
public final class SourceException extends ConnectorException {
  private final ErrorCategory category;

  public SourceException(ErrorCategory category, String message, Throwable cause) {
    super(message, cause);
    this.category = category;
  }

  public SourceException(ErrorCategory category, String message) {
    this(category, message, null);
  }

  public ErrorCategory category() {
    return category;
  }
}
