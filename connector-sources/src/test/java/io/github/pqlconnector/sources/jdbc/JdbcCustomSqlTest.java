package io.github.pqlconnector.sources.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Event;
import io.github.pqlconnector.core.model.Traits;
import io.github.pqlconnector.core.spi.CheckResult;
import io.github.pqlconnector.core.spi.ReadRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Custom-SQL mode: your own tables, your own queries, the documented column names. */
class JdbcCustomSqlTest {
  static final String EVENTS = "SELECT evt AS event, at AS timestamp, uid AS user_id, acct AS account_id,"
      + " mail AS email, channel, amount, secret_note FROM %s.app_events";
  static final String USERS = "SELECT uid AS user_id, company AS account_id, country FROM %s.app_users";
  static final String ACCOUNTS = "SELECT company AS account_id, employees FROM %s.companies";
  static Warehouse warehouse;

  @BeforeAll
  static void createSchema() {
    warehouse = Warehouse.create();
    warehouse.sql(
        "CREATE TABLE %s.app_events (evt text, at timestamp, uid bigint, acct text, mail text, channel text,"
            + " amount numeric, secret_note text)",
        "INSERT INTO %s.app_events VALUES"
            + " ('message_sent', '2026-11-10 08:00:00', 1, 'c1', 'Ana@Example.com', 'general', 2.50, 'x'),"
            + " ('message_sent', '2026-11-11 08:00:00', 2, null, null, null, null, null),"
            + " ('company_renamed', '2026-11-12 08:00:00', null, 'c1', null, null, null, null),"
            + " ('orphan', '2026-11-12 09:00:00', null, null, null, null, null, null)",
        "CREATE TABLE %s.app_users (uid bigint, company text, country text)",
        "INSERT INTO %s.app_users VALUES (1, 'c1', 'DE'), (2, null, 'FR')",
        "CREATE TABLE %s.companies (company text, employees int)",
        "INSERT INTO %s.companies VALUES ('c1', 40)");
  }

  @AfterAll
  static void dropSchema() {
    if (warehouse != null) {
      warehouse.close();
    }
  }

  @Test
  void readsTheNamedColumnsAndOnlyThePropertiesTheModelWants() {
    Recorded recorded = new Recorded();
    try (JdbcSource source = new JdbcSource(warehouse.custom(EVENTS, USERS, ACCOUNTS, false))) {
      source.readEvents(new ReadRequest(null, Instant.parse("2026-11-01T00:00:00Z"),
          Instant.parse("2026-12-01T00:00:00Z"), Set.of("channel", "amount", "missing")), recorded);
    }
    assertThat(recorded.events).hasSize(3);
    Event first = recorded.events.get(0);
    assertThat(first).isEqualTo(new Event("message_sent", Instant.parse("2026-11-10T08:00:00Z").toEpochMilli(), "1",
        "c1", "Ana@Example.com", Map.of("channel", "general", "amount", new BigDecimal("2.50"))));
    assertThat(recorded.events.get(1).properties()).isEmpty();
    assertThat(recorded.events.get(2).userId()).isNull();
    assertThat(recorded.events.get(2).accountId()).isEqualTo("c1");
    assertThat(recorded.rejected).containsExactly("events row 4: neither user_id nor account_id");
  }

  @Test
  void traitsFromTheUsersAndAccountsQueries() {
    Recorded recorded = new Recorded();
    try (JdbcSource source = new JdbcSource(warehouse.custom(EVENTS, USERS, ACCOUNTS, false))) {
      source.readTraits(EntityLevel.USER, recorded);
      source.readTraits(EntityLevel.ACCOUNT, recorded);
    }
    assertThat(recorded.traits).containsExactlyInAnyOrder(
        new Traits(EntityRef.user("1"), Map.of("country", "DE", Traits.ACCOUNT_ID, "c1")),
        new Traits(EntityRef.user("2"), Map.of("country", "FR")),
        new Traits(EntityRef.account("c1"), Map.of("employees", "40")));
  }

  @Test
  void withoutTraitsQueriesNoTraitsAreSent() {
    Recorded recorded = new Recorded();
    try (JdbcSource source = new JdbcSource(warehouse.custom(EVENTS, null, null, false))) {
      source.readTraits(EntityLevel.USER, recorded);
      assertThat(source.check().isOk()).isTrue();
    }
    assertThat(recorded.traits).isEmpty();
  }

  @Test
  void checkNamesTheColumnAQueryLacks() {
    String noTimestamp = "SELECT evt AS event, uid AS user_id FROM %s.app_events";
    String noKey = "SELECT country FROM %s.app_users";
    CheckResult result = new JdbcSource(warehouse.custom(noTimestamp, noKey, null, false)).check();
    assertThat(result.status()).isEqualTo(CheckResult.Status.INVALID);
    assertThat(result.message()).isEqualTo("the events query returns no timestamp column (it returns [event, user_id]);"
        + " the users query returns no user_id column (it returns [country])");
  }
}
