package io.github.pqlconnector.core.secret;

/**
 * A credential from {@code ${ENV}} or {@code ${file:…}}. Its {@code toString()} hides the value, so it can
 * sit in records, logs and exception messages without leaking; call {@link #reveal()} only at the point of
 * use (an auth header).
 */
public final class Secret {
  private final String value;

  public Secret(String value) {
    this.value = value;
  }

  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret && secret.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "******";
  }
}
