package io.github.pqlconnector.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.spi.Plugins;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncReconcileConfigTest {
  private static final String SYNC = "- { name: product-to-crm, source: product, destination: crm, cron: \"0 */30 * * * ?\" }";
  private final ConfigLoader loader = new ConfigLoader(Plugins.load(), Map.<String, String>of()::get);

  @Test
  void reconcileDefaultsToNever() {
    assertThat(loader.parse(ConfigLoaderTest.VALID).syncs().get(0).reconcilePeriod()).isEmpty();
  }

  @Test
  void dailyAndWeeklyArePeriods() {
    assertThat(sync("daily").reconcilePeriod()).contains(Duration.ofDays(1));
    assertThat(sync("weekly").reconcilePeriod()).contains(Duration.ofDays(7));
    assertThat(sync("never").reconcilePeriod()).isEmpty();
  }

  @Test
  void anUnknownValueListsTheAllowedOnesWithPathAndLine() {
    assertThat(problems(ConfigLoaderTest.VALID.replace(SYNC, SYNC.replace(" }", ", reconcile: monthly }"))))
        .containsExactly("syncs[0].reconcile: unknown value \"monthly\"; expected one of: daily, weekly, never"
            + " at line 20");
  }

  private SyncConfig sync(String reconcile) {
    return loader.parse(ConfigLoaderTest.VALID.replace(SYNC, SYNC.replace(" }", ", reconcile: " + reconcile + " }")))
        .syncs().get(0);
  }

  private List<String> problems(String yaml) {
    return YamlProblems.of(loader, yaml);
  }
}
