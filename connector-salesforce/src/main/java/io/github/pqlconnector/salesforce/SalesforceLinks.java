package io.github.pqlconnector.salesforce;

import io.github.pqlconnector.core.model.EntityLevel;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Links to records in Lightning, {@code <instance>/lightning/r/<sObject>/<id>/view}, without a call: the instance
 * from the last token, else the configured {@code loginUrl} when it is the org's My Domain (the generic login hosts
 * are not an org, so they give no link until a token names the instance).
 */
final class SalesforceLinks {
  private static final Set<String> GENERIC_LOGIN = Set.of("login.salesforce.com", "test.salesforce.com");

  private SalesforceLinks() {}

  static Optional<String> recordUrl(SalesforceConfig config, @Nullable HttpUrl instance, EntityLevel level,
      String recordId) {
    HttpUrl org = instance != null ? instance : myDomain(config.auth() == null ? null : config.auth().loginUrl());
    if (org == null) {
      return Optional.empty();
    }
    return Optional.of(new HttpUrl.Builder().scheme(org.scheme()).host(org.host()).port(org.port())
        .addPathSegments("lightning/r").addPathSegment(SObjects.of(recordId, level, config)).addPathSegment(recordId)
        .addPathSegment("view").build().toString());
  }

  private static @Nullable HttpUrl myDomain(@Nullable String loginUrl) {
    HttpUrl url = loginUrl == null ? null : HttpUrl.parse(loginUrl);
    return url == null || GENERIC_LOGIN.contains(url.host()) ? null : url;
  }
}
