package io.github.pqlconnector.sources.mixpanel;

import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.CheckResult;
import io.github.pqlconnector.core.spi.EventSink;
import io.github.pqlconnector.core.spi.ReadRequest;
import io.github.pqlconnector.core.spi.ReadResult;
import io.github.pqlconnector.core.spi.TraitsSink;
import io.github.pqlconnector.sources.http.Failures;
import io.github.pqlconnector.sources.http.Gzip;
import io.github.pqlconnector.sources.http.HttpSource;
import io.github.pqlconnector.sources.http.JsonLines;
import io.github.pqlconnector.sources.http.SourceCalls;
import io.github.pqlconnector.sources.http.SourceCalls.Window;
import io.github.pqlconnector.sources.http.SourceHttp;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a Mixpanel project incrementally: one export request per UTC day of [from, to) (so the dedupe set holds one
 * day and a failed day fails the read), streamed line by line, only events whose time is in [from, to) handed over.
 * Export calls keep to 60/hour and 3/second, Engage calls to 60/hour, one at a time.
 */
final class MixpanelSource extends HttpSource {
  private static final Logger log = LoggerFactory.getLogger(MixpanelSource.class);
  static final String VENDOR = "mixpanel";

  private final MixpanelConfig config;
  private final MixpanelExportApi exportApi;
  private final SourceCalls exportCalls;
  private final MixpanelProfiles profiles;
  private final MixpanelQueryApi queryApi;
  private final SourceCalls queryCalls;
  private final Failures.Hints hints;

  MixpanelSource(MixpanelConfig config, String name, HttpClients http) {
    super(config.lateData());
    this.config = config;
    OkHttpClient client = SourceHttp.client(http, VENDOR, SourceHttp.basicAuth(config.username(), config.secret()));
    this.exportApi = SourceHttp.api(client, config.exportUrl(), MixpanelExportApi.class);
    this.queryApi = SourceHttp.api(client, config.queryUrl(), MixpanelQueryApi.class);
    this.exportCalls = new SourceCalls(VENDOR, name + "/export", Window.perHour(60), new Window(3, Duration.ofSeconds(1)));
    this.queryCalls = new SourceCalls(VENDOR, name + "/query", Window.perHour(60), Window.perHour(60));
    this.profiles = new MixpanelProfiles(queryApi, queryCalls, config.projectId(), config.accountProperty());
    this.hints = new Failures.Hints(
        "check sources." + name + ".username and secret (a service account with a role in project "
            + config.projectId() + ") and that region '" + config.region() + "' is the project's data residency",
        "check sources." + name + ".projectId (" + config.projectId() + ") and region '" + config.region() + "'",
        "check the network path to " + config.exportUrl() + " and " + config.queryUrl());
  }

  @Override
  public CheckResult check() {
    try {
      queryCalls.execute(queryApi.engage(config.projectId(), null, null, null, "[\"pql-connector-check\"]"));
      return CheckResult.ok("Mixpanel project " + config.projectId() + " (" + config.region()
          + ") accepts the service account");
    } catch (VendorException e) {
      return Failures.check(e, hints);
    }
  }

  @Override
  public ReadResult readEvents(ReadRequest request, EventSink sink) {
    long from = request.from().toEpochMilli();
    long to = request.to().toEpochMilli();
    long read = 0;
    LocalDate last = LocalDate.ofInstant(request.to().minusMillis(1), ZoneOffset.UTC);
    for (LocalDate day = LocalDate.ofInstant(request.from(), ZoneOffset.UTC); !day.isAfter(last) && from < to;
        day = day.plusDays(1)) {
      MixpanelEventParser parser = new MixpanelEventParser(request.properties(), config.accountProperty(), from, to,
          sink, "mixpanel export " + day);
      exportDay(day, parser, sink);
      read += parser.accepted;
    }
    return new ReadResult(null, read);
  }

  private void exportDay(LocalDate day, MixpanelEventParser parser, EventSink sink) {
    String what = "mixpanel export of " + day;
    ResponseBody body;
    try {
      body = exportCalls.execute(exportApi.export(config.projectId(), day.toString(), day.toString(), true));
    } catch (VendorException e) {
      throw Failures.read(what, e, hints);
    }
    try (body; InputStream in = Gzip.ifCompressed(body.byteStream())) {
      long lines = JsonLines.read(in, "mixpanel export " + day, parser, sink::reject);
      log.info("{}: {} lines, {} events in the window, {} duplicates skipped, {} outside the window", what, lines,
          parser.accepted, parser.duplicates, parser.outside);
    } catch (IOException e) {
      throw Failures.stream(what, e);
    }
  }

  @Override
  public void readTraits(EntityLevel level, TraitsSink sink) {
    if (level == EntityLevel.ACCOUNT && config.accountGroupId() == null) {
      return;   // no group key configured: accounts get no traits from Mixpanel
    }
    String groupId = level == EntityLevel.ACCOUNT ? config.accountGroupId() : null;
    try {
      long count = profiles.read(level, groupId, sink);
      log.info("mixpanel engage: {} {} profiles", count, level.id());
    } catch (VendorException e) {
      throw Failures.read("mixpanel engage (" + level.id() + " profiles)", e, hints);
    }
  }
}
