package io.github.pqlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.PqlStatus;
import io.github.pqlconnector.core.state.EntityDirectoryDao;
import io.github.pqlconnector.core.state.EntityDirectoryDao.Entry;
import io.github.pqlconnector.core.state.EntityDirectoryDao.Row;
import io.github.pqlconnector.core.state.EntityQuery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run fills the entity directory from the traits, the verdicts and the records it matched; unchanged runs keep it. */
abstract class DirectoryRunContract extends SyncFixture {
  private static final EntityRef U007 = EntityRef.user("u007");

  @Test
  void aRunStoresEmailTypeAndTheMatchedRecordsOwner() {
    run();

    Map<EntityRef, Entry> directory = store.read(c -> new EntityDirectoryDao().load(c, "s"));
    assertThat(directory).hasSize(150);
    assertThat(directory.get(U007)).isEqualTo(new Entry("u007@example.com", null, "usage", "owner-1"));
    assertThat(directory.get(EntityRef.user("u120")).type()).as("cold: no signal fired").isNull();
    List<String> owners = store.read(c -> new EntityDirectoryDao().owners(c, "s"));
    assertThat(owners).containsExactly("owner-1");
    List<Row> pqls = store.read(c -> new EntityDirectoryDao().page(c, new EntityQuery("s", PqlStatus.PQL, null,
        "usage", "owner-1", "U007@EXAMPLE", EntityQuery.Sort.SCORE, 0, 10)));
    assertThat(pqls).singleElement().satisfies(row -> {
      assertThat(row.entity()).isEqualTo(U007);
      assertThat(row.score()).isEqualTo(80);
      assertThat(row.recordId()).isNotNull();
      assertThat(row.qualifiedAt()).isEqualTo(NOW);
    });
  }

  @Test
  void aChangedEmailIsWrittenAndTheOwnerKept() {
    run();
    clock.advance(Duration.ofHours(1));
    data.user("u007", "Seven@New.example", "a1");
    run();

    assertThat(store.read(c -> new EntityDirectoryDao().load(c, "s")).get(U007))
        .isEqualTo(new Entry("seven@new.example", null, "usage", "owner-1"));
  }
}
