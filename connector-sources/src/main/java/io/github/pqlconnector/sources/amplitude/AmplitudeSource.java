package io.github.pqlconnector.sources.amplitude;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.CheckResult;
import io.github.pqlconnector.core.spi.EventSink;
import io.github.pqlconnector.core.spi.ReadRequest;
import io.github.pqlconnector.core.spi.ReadResult;
import io.github.pqlconnector.core.spi.TraitsSink;
import io.github.pqlconnector.sources.http.Failures;
import io.github.pqlconnector.sources.http.HttpSource;
import io.github.pqlconnector.sources.http.JsonLines;
import io.github.pqlconnector.sources.http.SourceCalls;
import io.github.pqlconnector.sources.http.SourceCalls.Window;
import io.github.pqlconnector.sources.http.SourceHttp;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an Amplitude project through the Export API. The export is by <em>upload</em> time, the window by
 * <em>event</em> time: for [from, to) it reads the upload hours from {@code from} to {@code to + lateData} (no later
 * than now), one request per upload day, and keeps the events whose {@code event_time} is in [from, to). An event
 * uploaded more than {@code lateData} after {@code to} is picked up when a later run re-reads its day. Amplitude
 * documents no export rate limit; calls are kept to 60/hour and 1/second, one at a time (its REST limit is 5
 * concurrent).
 */
final class AmplitudeSource extends HttpSource {
  private static final Logger log = LoggerFactory.getLogger(AmplitudeSource.class);
  static final String VENDOR = "amplitude";
  private static final Duration SLICE = Duration.ofDays(1);

  private final AmplitudeConfig config;
  private final Clock clock;
  private final AmplitudeApi api;
  private final SourceCalls calls;
  private final AmplitudeExport export;
  private final Failures.Hints hints;
  private @Nullable AmplitudeTraits traits;

  AmplitudeSource(AmplitudeConfig config, String name, HttpClients http, Clock clock) {
    super(config.lateData());
    this.config = config;
    this.clock = clock;
    this.api = SourceHttp.api(SourceHttp.client(http, VENDOR,
        SourceHttp.basicAuth(config.apiKey().reveal(), config.secretKey())), config.baseUrl(), AmplitudeApi.class);
    this.calls = new SourceCalls(VENDOR, name, Window.perHour(60), new Window(1, Duration.ofSeconds(1)));
    this.export = new AmplitudeExport(api, calls);
    this.hints = new Failures.Hints(
        "check sources." + name + ".apiKey and secretKey (the project's, from its settings) and that region '"
            + config.region() + "' is the project's",
        "check sources." + name + ".region '" + config.region() + "' / baseUrl " + config.baseUrl(),
        "check the network path to " + config.baseUrl());
  }

  @Override
  public CheckResult check() {
    Instant hour = Instant.parse("2015-01-01T00:00:00Z");   // an hour of little or no data: cheap, read-only
    try {
      calls.execute(api.export(AmplitudeTimes.hour(hour), AmplitudeTimes.hour(hour))).close();   // not read
      return CheckResult.ok("Amplitude (" + config.region() + ") accepts the API key and secret key");
    } catch (VendorException e) {
      return e.category() == ErrorCategory.NOT_FOUND
          ? CheckResult.ok("Amplitude (" + config.region() + ") accepts the API key and secret key")
          : Failures.check(e, hints);
    }
  }

  @Override
  public ReadResult readEvents(ReadRequest request, EventSink sink) {
    AmplitudeEventParser parser = new AmplitudeEventParser(request.properties(), config.accountGroupType(),
        request.from().toEpochMilli(), request.to().toEpochMilli(), sink);
    Instant uploadEnd = min(request.to().plus(config.lateData()), clock.instant());
    readUploads(request.from(), uploadEnd, parser, sink::reject, parser::source, "events");
    log.info("amplitude events {} – {}: {} kept, {} outside the window, {} anonymous", request.from(), request.to(),
        parser.accepted, parser.outside, parser.anonymous);
    return new ReadResult(null, parser.accepted);
  }

  @Override
  public void readTraits(EntityLevel level, TraitsSink sink) {
    if (traits == null) {
      AmplitudeTraits collected = new AmplitudeTraits(config.accountGroupType());
      Instant now = clock.instant();
      readUploads(now.minus(config.traitsLookback()), now, collected, sink::reject, name -> { }, "traits");
      traits = collected;
    }
    traits.handOver(level, sink);
  }

  /** Upload hours from {@code start} to just before {@code end}, one request per day of them. */
  private void readUploads(Instant start, Instant end, JsonLines.RecordParser parser, JsonLines.Rejects rejects,
      java.util.function.Consumer<String> onFile, String what) {
    Instant last = end.minusMillis(1).truncatedTo(ChronoUnit.HOURS);
    for (Instant first = start.truncatedTo(ChronoUnit.HOURS); !first.isAfter(last); first = first.plus(SLICE)) {
      Instant sliceLast = min(first.plus(SLICE).minus(Duration.ofHours(1)), last);
      String range = "amplitude export " + AmplitudeTimes.hour(first) + "–" + AmplitudeTimes.hour(sliceLast);
      try {
        export.read(first, sliceLast, parser, rejects, onFile);
      } catch (VendorException e) {
        throw Failures.read(range + " (" + what + ")", e, hints);
      } catch (IOException e) {
        throw Failures.stream(range + " (" + what + ")", e);
      }
    }
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
