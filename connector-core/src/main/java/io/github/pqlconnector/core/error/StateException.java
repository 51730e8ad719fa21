package io.github.pqlconnector.core.error;

/** The state store cannot be read or written. */
public final class StateException extends ConnectorException {
  public StateException(String message, Throwable cause) {
    super(message, cause);
  }
}
