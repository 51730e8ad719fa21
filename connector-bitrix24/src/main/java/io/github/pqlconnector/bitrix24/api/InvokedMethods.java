package io.github.pqlconnector.bitrix24.api;

import java.util.Set;

/** The REST methods a request runs: one for a plain call, the commands' methods for a {@code batch}. */
public record InvokedMethods(Set<String> methods) {
  public InvokedMethods {
    methods = Set.copyOf(methods);
  }
}
