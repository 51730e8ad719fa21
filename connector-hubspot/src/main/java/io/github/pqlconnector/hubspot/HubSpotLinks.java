package io.github.pqlconnector.hubspot;

import io.github.pqlconnector.core.model.EntityLevel;
import java.util.Map;
import java.util.Optional;

/**
 * Links to records in HubSpot's UI, {@code https://app.hubspot.com/contacts/<portalId>/record/<objectTypeId>/<id>}.
 * The portal id is only in the config ({@code portalId}): reading it from the API would take a call per page.
 * Only contacts (0-1) and companies (0-2) have fixed type ids; other object types get no link.
 */
final class HubSpotLinks {
  static final String APP = "https://app.hubspot.com";
  private static final Map<String, String> TYPE_IDS = Map.of("contacts", "0-1", "companies", "0-2");

  private HubSpotLinks() {}

  static Optional<String> recordUrl(HubSpotConfig config, EntityLevel level, String recordId) {
    String objects = level == EntityLevel.USER ? config.objects().user() : config.objects().account();
    String typeId = TYPE_IDS.get(objects);
    if (config.portalId() == null || typeId == null) {
      return Optional.empty();
    }
    return Optional.of(APP + "/contacts/" + config.portalId() + "/record/" + typeId + "/" + recordId);
  }
}
