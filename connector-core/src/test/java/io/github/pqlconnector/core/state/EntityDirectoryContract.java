package io.github.pqlconnector.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.config.StateConfig;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.EntityState;
import io.github.pqlconnector.core.model.PqlStatus;
import io.github.pqlconnector.core.state.EntityDirectoryDao.Entry;
import io.github.pqlconnector.core.state.EntityDirectoryDao.Row;
import io.github.pqlconnector.core.state.EntityQuery.Sort;
import io.github.pqlconnector.core.testing.StateDatabase;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entity directory's page: filters, search by id, email or domain, both sorts, paging, the drop-downs' values. */
abstract class EntityDirectoryContract {
  private static final Instant T = Instant.parse("2026-11-30T12:00:00Z");
  private static final EntityRef ANNA = EntityRef.user("Anna-1");
  private static final EntityRef BEN = EntityRef.user("ben-2");
  private static final EntityRef CARL = EntityRef.user("carl_3");
  private static final EntityRef ACME = new EntityRef(EntityLevel.ACCOUNT, "acc-9");

  @TempDir Path dir;
  private StateConfig state;
  private StateStore store;
  private final EntityDirectoryDao dao = new EntityDirectoryDao();

  abstract StateDatabase database();

  @BeforeEach
  void setUp() {
    state = database().create(dir);
    store = StateStore.open(state);
    Map<EntityRef, EntityState> states = new LinkedHashMap<>();
    states.put(ANNA, new EntityState(PqlStatus.PQL, 90, T.minusSeconds(60), null, Map.of()));
    states.put(BEN, new EntityState(PqlStatus.PQL, 70, T, null, Map.of()));
    states.put(CARL, new EntityState(PqlStatus.COLD, 10, null, null, Map.of()));
    states.put(ACME, new EntityState(PqlStatus.PQL, 80, T.minusSeconds(30), null, Map.of()));
    Map<EntityRef, Entry> entries = Map.of(ANNA, new Entry("anna@acme.io", "acme.io", "usage", "owner-1"),
        BEN, new Entry("ben@beta.io", null, "intent", "owner-2"), CARL, new Entry(null, null, null, null),
        ACME, new Entry(null, "acme.io", "usage", "owner-1"));
    store.write(c -> {
      new EntityStateDao().save(c, "s", states);
      new EntityStateDao().save(c, "other", Map.of(ANNA, states.get(ANNA)));
      dao.save(c, "s", entries);
      dao.save(c, "other", Map.of(ANNA, new Entry("x@other.io", null, "fit", "owner-9")));
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO pushed (sync_name, level, entity_id, hash,"
          + " record_id, pushed_at) VALUES ('s', 'user', 'Anna-1', 'h', 'crm-7', CURRENT_TIMESTAMP)")) {
        ps.executeUpdate();
      }
      return null;
    });
  }

  @AfterEach
  void tearDown() {
    store.close();
    database().drop(state);
  }

  @Test
  void aRowJoinsStateDirectoryAndRecordId() {
    List<Row> rows = page(query(null, null, null, null, null, Sort.SCORE, 0, 10));

    assertThat(rows).extracting(Row::entity).containsExactly(ANNA, ACME, BEN, CARL);
    assertThat(rows.get(0)).isEqualTo(new Row(ANNA, PqlStatus.PQL, 90, "usage", "owner-1", "anna@acme.io", "acme.io",
        T.minusSeconds(60), "crm-7"));
    assertThat(rows.get(3).recordId()).isNull();
    assertThat(rows.get(3).qualifiedAt()).isNull();
  }

  @Test
  void filtersCombine() {
    assertThat(ids(query(PqlStatus.PQL, null, null, null, null, Sort.SCORE, 0, 10))).containsExactly(ANNA, ACME, BEN);
    assertThat(ids(query(null, EntityLevel.ACCOUNT, null, null, null, Sort.SCORE, 0, 10))).containsExactly(ACME);
    assertThat(ids(query(null, null, "usage", "owner-1", null, Sort.SCORE, 0, 10))).containsExactly(ANNA, ACME);
    assertThat(ids(query(PqlStatus.COLD, null, "usage", null, null, Sort.SCORE, 0, 10))).isEmpty();
  }

  @Test
  void searchIsCaseInsensitiveExactOrPrefixOnIdEmailOrDomain() {
    assertThat(ids(query(null, null, null, null, "anna-1", Sort.SCORE, 0, 10))).containsExactly(ANNA);
    assertThat(ids(query(null, null, null, null, "BEN@", Sort.SCORE, 0, 10))).containsExactly(BEN);
    assertThat(ids(query(null, null, null, null, "acme.io", Sort.SCORE, 0, 10))).containsExactly(ANNA, ACME);
    assertThat(ids(query(null, null, null, null, "cme", Sort.SCORE, 0, 10))).as("not a substring match").isEmpty();
    assertThat(ids(query(null, null, null, null, "carl%", Sort.SCORE, 0, 10))).as("% is text").isEmpty();
    assertThat(ids(query(null, null, null, null, "carl_", Sort.SCORE, 0, 10))).containsExactly(CARL);
  }

  @Test
  void sortsByQualifiedAtNewestFirstWithTheUnqualifiedLast() {
    assertThat(ids(query(null, null, null, null, null, Sort.QUALIFIED_AT, 0, 10)))
        .containsExactly(BEN, ACME, ANNA, CARL);
  }

  @Test
  void pagesAndTheTotalOfAllPages() {
    EntityQuery second = query(null, null, null, null, null, Sort.SCORE, 2, 2);

    assertThat(ids(second)).containsExactly(BEN, CARL);
    assertThat(ids(query(null, null, null, null, null, Sort.SCORE, 4, 2))).isEmpty();
    assertThat(count(second)).isEqualTo(4);
    assertThat(count(query(PqlStatus.PQL, null, "usage", null, null, Sort.SCORE, 0, 1)))
        .isEqualTo(2);
  }

  @Test
  void ownersAndTypesAreTheSyncsDistinctValues() {
    assertThat(distinct("s", true)).containsExactly("owner-1", "owner-2");
    assertThat(distinct("s", false)).containsExactly("intent", "usage");
    assertThat(distinct("other", false)).containsExactly("fit");
  }

  @Test
  void aSavedEntryReplacesTheStoredOne() {
    store.write(c -> {
      dao.save(c, "s", Map.of(BEN, new Entry("ben@gamma.io", null, "usage", "owner-2")));
      return null;
    });

    assertThat(stored().get(BEN)).isEqualTo(new Entry("ben@gamma.io", null, "usage", "owner-2"));
    assertThat(stored()).hasSize(4);
  }

  private static EntityQuery query(@Nullable PqlStatus status, @Nullable EntityLevel level, @Nullable String type,
      @Nullable String owner, @Nullable String search, Sort sort, int offset, int limit) {
    return new EntityQuery("s", status, level, type, owner, search, sort, offset, limit);
  }

  private List<Row> page(EntityQuery query) {
    return store.read(c -> dao.page(c, query));
  }

  private long count(EntityQuery query) {
    return store.read(c -> dao.count(c, query));
  }

  private List<String> distinct(String sync, boolean owners) {
    return store.read(c -> owners ? dao.owners(c, sync) : dao.types(c, sync));
  }

  private Map<EntityRef, Entry> stored() {
    return store.read(c -> dao.load(c, "s"));
  }

  private List<EntityRef> ids(EntityQuery query) {
    return page(query).stream().map(Row::entity).toList();
  }
}
