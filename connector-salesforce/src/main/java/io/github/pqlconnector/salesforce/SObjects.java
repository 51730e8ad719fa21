package io.github.pqlconnector.salesforce;

import io.github.pqlconnector.core.model.EntityLevel;
import java.util.Map;

/**
 * The sObject type of a record id, from its three-character key prefix, fixed for standard objects: {@code 001}
 * Account, {@code 003} Contact, {@code 00Q} Lead. The matcher found the id on one of these, so an unknown prefix
 * falls back to the level's first configured object.
 */
final class SObjects {
  static final String ACCOUNT = "Account";
  static final String CONTACT = "Contact";
  static final String LEAD = "Lead";
  static final String TASK = "Task";
  private static final Map<String, String> BY_PREFIX = Map.of("001", ACCOUNT, "003", CONTACT, "00Q", LEAD);

  private SObjects() {}

  static String of(String recordId, EntityLevel level, SalesforceConfig config) {
    String type = recordId.length() >= 3 ? BY_PREFIX.get(recordId.substring(0, 3)) : null;
    if (type != null) {
      return type;
    }
    return level == EntityLevel.USER ? config.userObjects().get(0) : ACCOUNT;
  }
}
