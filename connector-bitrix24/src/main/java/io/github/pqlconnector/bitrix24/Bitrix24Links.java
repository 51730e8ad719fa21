package io.github.pqlconnector.bitrix24;

import io.github.pqlconnector.core.model.EntityLevel;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Links to records in the portal's web UI, {@code https://<portal>/crm/<entity>/details/<id>/}, built from the
 * portal's address in the config (the webhook's or OAuth's REST URL): no call needed.
 */
final class Bitrix24Links {
  private Bitrix24Links() {}

  static Optional<String> recordUrl(Bitrix24Config config, EntityLevel level, String recordId) {
    String portal = config.webhookUrl() != null ? config.webhookUrl().reveal() : config.baseUrl();
    BitrixEntity entity = level == EntityLevel.USER ? config.userEntity() : config.accountEntity();
    return recordUrl(portal, entity, recordId);
  }

  /** Only the portal's scheme, host and port are kept: a webhook URL's path holds its secret. */
  static Optional<String> recordUrl(@Nullable String portalUrl, BitrixEntity entity, String recordId) {
    HttpUrl portal = portalUrl == null ? null : HttpUrl.parse(portalUrl);
    if (portal == null) {
      return Optional.empty();
    }
    return Optional.of(new HttpUrl.Builder().scheme(portal.scheme()).host(portal.host()).port(portal.port())
        .addPathSegments("crm/" + entity.lower() + "/details").addPathSegment(recordId).addPathSegment("").build()
        .toString());
  }
}
