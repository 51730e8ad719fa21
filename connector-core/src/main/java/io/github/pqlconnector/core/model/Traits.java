package io.github.pqlconnector.core.model;

import java.util.Map;

/**
 * What is known about an entity apart from its events: plan, country, employees, email, domain. A user's
 * {@code accountId} trait ties it to its account. Values are text; numeric rules parse them.
 */
public record Traits(EntityRef entity, Map<String, String> values) {
  public static final String EMAIL = "email";
  public static final String ACCOUNT_ID = "accountId";
  public static final String DOMAIN = "domain";

  public Traits {
    values = TraitValues.copyOf(values);
  }
}
