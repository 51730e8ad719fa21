package io.github.pqlconnector.hubspot.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HubSpotApiVersionTest {

  @Test
  void v3PutsTheVersionBeforeTheArea() {
    assertThat(HubSpotApiVersion.V3.objectsPath()).isEqualTo("crm/v3/objects");
    assertThat(HubSpotApiVersion.V3.propertiesPath()).isEqualTo("crm/v3/properties");
    assertThat(HubSpotApiVersion.V3.dated()).isFalse();
  }

  @Test
  void datedVersionsPutTheVersionAfterTheArea() {
    HubSpotApiVersion version = new HubSpotApiVersion("2026-09");
    assertThat(version.objectsPath()).isEqualTo("crm/objects/2026-09");
    assertThat(version.propertiesPath()).isEqualTo("crm/properties/2026-09");
    assertThat(version).hasToString("2026-09");
  }

  @ParameterizedTest
  @ValueSource(strings = {"v4", "V3", "2026-9", "2026-13", "latest", "2026-09-beta", "", "../v3"})
  void anythingElseIsRefusedNamingTheAcceptedForms(String value) {
    assertThatThrownBy(() -> new HubSpotApiVersion(value)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected v3 or a dated version like 2026-09");
  }
}
