package io.github.pqlconnector.core.destination.csv;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.Capabilities;
import io.github.pqlconnector.core.spi.CheckResult;
import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.CrmRecord;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.spi.MatchResult;
import io.github.pqlconnector.core.spi.OutcomeReader;
import io.github.pqlconnector.core.spi.PqlFields;
import io.github.pqlconnector.core.spi.PqlUpdate;
import io.github.pqlconnector.core.spi.SetupReport;
import io.github.pqlconnector.core.spi.TaskBatchResult;
import io.github.pqlconnector.core.spi.TaskRequest;
import io.github.pqlconnector.core.spi.WriteResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the PQL fields to {@code accounts.csv}/{@code users.csv} (one row per record, keyed by its match
 * key) and the tasks it opens to {@code tasks.csv}. The demo's destination, and a real option for CRMs
 * without an API: import the files. Every key matches: the file is the record store.
 */
final class CsvDestination implements CrmDestination {
  static final List<String> COLUMNS = List.of("record_key", "entity_id", "pql_status", "pql_score", "pql_type",
      "pql_reasons", "pql_activation_pct", "pql_qualified_at", "pql_evaluated_at");
  private static final int BATCH = 1_000;

  private final CsvConfig config;
  private final Path directory;
  private final Map<EntityLevel, CsvTable> tables = new EnumMap<>(EntityLevel.class);
  private CsvTaskLog tasks;

  private final String configPath;

  CsvDestination(CsvConfig config, String configPath) {
    this.config = config;
    this.directory = Path.of(config.directory());
    this.configPath = configPath;
  }

  @Override
  public Optional<OutcomeReader> outcomes() {
    return Optional.ofNullable(config.outcomes()).map(o -> new CsvOutcomesFile(Path.of(o.file()),
        configPath + ".outcomes.file"));
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(BATCH, Map.of(EntityLevel.USER, "email", EntityLevel.ACCOUNT, config.accountKey()), true);
  }

  @Override
  public CheckResult check() {
    Path probe = Files.exists(directory) ? directory : directory.toAbsolutePath().getParent();
    return probe != null && Files.isWritable(probe) ? CheckResult.ok("can write to " + directory)
        : new CheckResult(CheckResult.Status.INVALID, "cannot write to " + directory);
  }

  @Override
  public SetupReport ensureFields(boolean dryRun) {
    return new SetupReport(List.of(), COLUMNS.subList(2, COLUMNS.size()), List.of());
  }

  @Override
  public MatchResult match(EntityLevel level, List<MatchKey> keys) {
    Map<String, CrmRecord> found = new HashMap<>();
    keys.forEach(k -> found.put(k.value(), new CrmRecord(k.value(), null)));
    return new MatchResult(found);
  }

  @Override
  public WriteResult upsert(EntityLevel level, List<PqlUpdate> batch) {
    CsvTable table = guard(() -> table(level));
    Map<EntityRef, String> written = new LinkedHashMap<>();
    for (PqlUpdate update : batch) {
      table.put(row(update));
      written.put(update.entity(), update.key().value());
    }
    guard(() -> {
      table.save();
      return null;
    });
    return new WriteResult(written, List.of());
  }

  /** Reads the file again (someone may have edited it) and returns the rows with these record keys. */
  @Override
  public Map<String, PqlFields> readFields(EntityLevel level, List<String> recordIds) {
    CsvTable table = guard(() -> {
      tables.remove(level);
      return table(level);
    });
    Map<String, PqlFields> found = new HashMap<>();
    for (String id : recordIds) {
      if (table.contains(id)) {
        found.put(id, CsvRows.fields(table.get(id)));
      }
    }
    return found;
  }

  @Override
  public Map<String, String> findTasks(List<TaskRequest> requests) {
    CsvTaskLog log = guard(this::tasks);
    Map<String, String> found = new LinkedHashMap<>();
    requests.forEach(r -> log.find(r.idempotencyKey()).ifPresent(id -> found.put(r.idempotencyKey(), id)));
    return found;
  }

  /** Appends each task not in the file yet (so a repeated request is found, not added twice). */
  @Override
  public TaskBatchResult createTasks(List<TaskRequest> requests) {
    CsvTaskLog log = guard(this::tasks);
    Map<String, String> created = new LinkedHashMap<>();
    for (TaskRequest request : requests) {
      var existing = log.find(request.idempotencyKey());
      created.put(request.idempotencyKey(), existing.isPresent() ? existing.get() : guard(() -> log.append(row(request,
          "task-" + (log.size() + 1)))));
    }
    return new TaskBatchResult(created, Map.of());
  }

  private static Map<String, String> row(TaskRequest request, String id) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("task_key", request.idempotencyKey());
    row.put("task_id", id);
    row.put("level", request.entity().level().id());
    row.put("entity_id", request.entity().id());
    row.put("record_id", request.recordId());
    row.put("owner", request.ownerId() == null ? "" : request.ownerId());
    row.put("due_at", request.dueAt().toString());
    row.put("subject", request.subject());
    row.put("body", request.body());
    return row;
  }

  private static Map<String, String> row(PqlUpdate update) {
    PqlFields f = update.fields();
    Map<String, String> row = new LinkedHashMap<>();
    row.put("record_key", update.key().value());
    row.put("entity_id", update.entity().id());
    row.put("pql_status", f.status());
    row.put("pql_score", Integer.toString(f.score()));
    row.put("pql_type", f.type() == null ? "" : f.type());
    row.put("pql_reasons", f.reasonsText());
    row.put("pql_activation_pct", Double.toString(f.activationPct()));
    row.put("pql_qualified_at", f.qualifiedAt() == null ? "" : f.qualifiedAt().toString());
    row.put("pql_evaluated_at", f.evaluatedAt().toString());
    return row;
  }

  private CsvTable table(EntityLevel level) throws IOException {
    if (!tables.containsKey(level)) {
      Files.createDirectories(directory);
      tables.put(level, new CsvTable(directory.resolve(level.id() + "s.csv"), COLUMNS, "record_key"));
    }
    return tables.get(level);
  }

  private CsvTaskLog tasks() throws IOException {
    if (tasks == null) {
      Files.createDirectories(directory);
      tasks = new CsvTaskLog(directory.resolve("tasks.csv"));
    }
    return tasks;
  }

  /**
   * File trouble ends the call as a transient destination failure: the outbox keeps the work. The message names the
   * directory and the kind of trouble, since an I/O exception's own message is often just a path.
   */
  private <T> T guard(IoWork<T> work) {
    try {
      return work.run();
    } catch (IOException | UncheckedIOException e) {
      Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
      throw new VendorException("csv", ErrorCategory.TRANSIENT, 0, "the CSV files in " + directory
          + " cannot be read or written (" + cause.getClass().getSimpleName()
          + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")", null);
    }
  }

  private interface IoWork<T> {
    T run() throws IOException;
  }

  @Override
  public void close() {
    if (tasks != null) {
      tasks.close();
    }
  }
}
