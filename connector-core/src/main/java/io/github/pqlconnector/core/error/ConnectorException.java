package io.github.pqlconnector.core.error;

/** Root of everything that stops a run; per-record failures are data ({@link RecordError}), not exceptions. */
public abstract sealed class ConnectorException extends RuntimeException
    permits ConfigException, VendorException, SourceException, StateException {

  protected ConnectorException(String message, Throwable cause) {
    super(message, cause);
  }
}
