package io.github.pqlconnector.app.admin;

/**
 * Who is asking: a signed-in user, a script with the bearer token, or anyone on this machine when neither a
 * token nor users are configured ({@code OPEN}, loopback only). Only operators change anything.
 */
record Principal(String name, boolean operator, Via via) {
  enum Via { BEARER, SESSION, OPEN }

  static final Principal OPEN = new Principal("local", true, Via.OPEN);
  static final Principal SCRIPT = new Principal("token", true, Via.BEARER);
}
