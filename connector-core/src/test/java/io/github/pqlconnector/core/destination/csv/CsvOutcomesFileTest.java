package io.github.pqlconnector.core.destination.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pqlconnector.core.error.ConfigException;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.Outcome;
import io.github.pqlconnector.core.spi.OutcomeBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvOutcomesFileTest {
  @TempDir Path dir;

  private OutcomeBatch read(String text) throws IOException {
    Path file = dir.resolve("outcomes.csv");
    Files.writeString(file, text);
    return new CsvOutcomesFile(file, "destinations.crm.outcomes.file").read(null, Instant.EPOCH);
  }

  @Test
  void readsDatesInstantsAndOptionalAmountsKeyedByEntityId() throws IOException {
    OutcomeBatch batch = read("""
        level,id,converted_at,amount
        account,a1,2026-11-30,1200.50
        user,u7,2026-11-29T15:30:00Z,
        """);

    assertThat(batch.rejected()).isZero();
    assertThat(batch.outcomes()).containsExactly(
        new Outcome("file account a1 at 2026-11-30T00:00:00Z", EntityLevel.ACCOUNT, null, "a1",
            Instant.parse("2026-11-30T00:00:00Z"), 1200.5),
        new Outcome("file user u7 at 2026-11-29T15:30:00Z", EntityLevel.USER, null, "u7",
            Instant.parse("2026-11-29T15:30:00Z"), null));
  }

  @Test
  void aBadRowIsRejectedWithItsLineAndTheRestIsRead() throws IOException {
    OutcomeBatch batch = read("""
        level,id,converted_at,amount
        team,t1,2026-11-30,
        user,,2026-11-30,
        user,u1,yesterday,
        user,u2,2026-11-30,-5
        user,u3,2026-11-30,10
        """);

    assertThat(batch.outcomes()).extracting(Outcome::entityId).containsExactly("u3");
    assertThat(batch.rejected()).isEqualTo(4);
    assertThat(batch.rejectedSamples()).containsExactly(
        "outcomes.csv:2: level must be user or account, got 'team'",
        "outcomes.csv:3: no id",
        "outcomes.csv:4: converted_at must be a date (2026-11-30) or an ISO-8601 instant, got 'yesterday'",
        "outcomes.csv:5: amount must be a number of at least 0, got '-5'");
  }

  @Test
  void aFileWithoutTheNeededColumnsOrNoFileIsAConfigProblemOfItsPath() throws IOException {
    assertThatThrownBy(() -> read("user,when\nu1,2026-11-30\n")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("destinations.crm.outcomes.file").hasMessageContaining("has no level, id, converted_at"
            + " column (its header must be level,id,converted_at and optionally amount)");
    assertThatThrownBy(() -> new CsvOutcomesFile(dir.resolve("none.csv"), "destinations.crm.outcomes.file")
        .read(null, Instant.EPOCH)).isInstanceOf(ConfigException.class).hasMessageContaining("no outcomes file");
  }
}
