package io.github.pqlconnector.demo;

import java.nio.charset.StandardCharsets;

/**
 * The demo product's event names, numbered so that the first five are the demo model's activation steps in
 * order (a user's step mask uses the same bits), and the mix of everyday events.
 */
final class DemoEvents {
  static final int DOC_CREATED = 0;
  static final int TEAMMATE_INVITED = 1;
  static final int DOC_SHARED = 2;
  static final int DOC_EDITED = 3;
  static final int COMMENT_WRITTEN = 4;
  static final int MESSAGE_SENT = 5;
  static final int PAGE_VIEWED = 6;
  static final int SESSION_STARTED = 7;
  static final int DOC_VIEWED = 8;
  static final int SIGNED_UP = 9;
  static final int INTEGRATION_INSTALLED = 10;
  static final int PRICING_VIEWED = 11;
  static final int CONTACT_SALES = 12;
  static final int LIMIT_REACHED = 13;
  static final int CHECKOUT_STARTED = 14;

  private static final String[] NAMES = {
    "doc_created", "teammate_invited", "doc_shared", "doc_edited", "comment_written", "message_sent",
    "page_viewed", "session_started", "doc_viewed", "signed_up", "integration_installed", "pricing_viewed",
    "contact_sales", "limit_reached", "checkout_started",
  };
  private static final byte[][] NAME_BYTES = new byte[NAMES.length][];

  /** Everyday events, {@link #ORGANIC} drawn with {@link #ORGANIC_WEIGHTS}; messages are the bulk. */
  static final int[] ORGANIC = {MESSAGE_SENT, PAGE_VIEWED, SESSION_STARTED, DOC_VIEWED, DOC_EDITED, DOC_CREATED,
      COMMENT_WRITTEN, DOC_SHARED};
  static final double[] ORGANIC_WEIGHTS = {52, 13, 10, 12, 6, 2.5, 3, 1.5};

  static {
    for (int i = 0; i < NAMES.length; i++) {
      NAME_BYTES[i] = NAMES[i].getBytes(StandardCharsets.US_ASCII);
    }
  }

  private DemoEvents() {}

  static byte[] name(int event) {
    return NAME_BYTES[event];
  }

  static boolean isActivationStep(int event) {
    return event <= COMMENT_WRITTEN;
  }
}
