package io.github.pqlconnector.app.admin;

/** A request the client got wrong; its message is written for the client and sent back with a 400. */
final class BadRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadRequest(String message) {
    super(message, null, false, false);
  }
}
