package io.github.pqlconnector.salesforce;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import io.github.pqlconnector.core.spi.CrmTraitFields;
import io.github.pqlconnector.core.spi.TaskPolicy;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A {@link SalesforceConfig} on WireMock with the knobs a test turns; everything else at its default. */
final class ConfigBuilder {
  private SalesforceAuth auth;
  private @Nullable List<String> userObjects;
  private @Nullable String accountField;
  private boolean createMissing;
  private @Nullable Integer bulkThreshold;
  private SalesforceConfig.@Nullable Limits limits;
  private @Nullable TaskPolicy tasks = new TaskPolicy(null, null, null, null);
  private SalesforceConfig.@Nullable Outcomes outcomes;
  private @Nullable CrmTraitFields traits;

  ConfigBuilder(WireMockRuntimeInfo wm) {
    this.auth = SalesforceStubs.clientCredentials(wm);
  }

  ConfigBuilder auth(SalesforceAuth value) {
    auth = value;
    return this;
  }

  ConfigBuilder userObjects(String... objects) {
    userObjects = List.of(objects);
    return this;
  }

  ConfigBuilder accountField(String field) {
    accountField = field;
    return this;
  }

  ConfigBuilder createMissing() {
    createMissing = true;
    return this;
  }

  ConfigBuilder bulkThreshold(int threshold) {
    bulkThreshold = threshold;
    return this;
  }

  ConfigBuilder reservePercent(int percent) {
    limits = new SalesforceConfig.Limits(percent, null, null);
    return this;
  }

  ConfigBuilder tasks(@Nullable TaskPolicy policy) {
    tasks = policy;
    return this;
  }

  ConfigBuilder outcomes(SalesforceConfig.Outcomes value) {
    outcomes = value;
    return this;
  }

  ConfigBuilder traits(CrmTraitFields value) {
    traits = value;
    return this;
  }

  SalesforceConfig build() {
    return new SalesforceConfig(auth, null, userObjects, accountField, null, createMissing, bulkThreshold, null,
        limits, null, tasks, outcomes, traits);
  }
}
