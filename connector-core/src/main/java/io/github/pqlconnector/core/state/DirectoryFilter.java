package io.github.pqlconnector.core.state;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The WHERE clause of an {@link EntityQuery} and its parameters, shared by the page and its count. */
final class DirectoryFilter {
  /** entity_state is the base: every decided entity has a state; directory and pushed rows may still be missing. */
  static final String FROM = " FROM entity_state s LEFT JOIN entity_directory d ON d.sync_name = s.sync_name"
      + " AND d.level = s.level AND d.entity_id = s.entity_id LEFT JOIN pushed p ON p.sync_name = s.sync_name"
      + " AND p.level = s.level AND p.entity_id = s.entity_id";

  private final StringBuilder where = new StringBuilder(" WHERE s.sync_name = ?");
  private final List<String> values = new ArrayList<>();

  private DirectoryFilter(String sync) {
    values.add(sync);
  }

  static DirectoryFilter of(EntityQuery query) {
    DirectoryFilter filter = new DirectoryFilter(query.sync());
    if (query.status() != null) {
      filter.add(" AND s.status = ?", query.status().id());
    }
    if (query.level() != null) {
      filter.add(" AND s.level = ?", query.level().id());
    }
    if (query.type() != null) {
      filter.add(" AND d.primary_type = ?", query.type());
    }
    if (query.owner() != null) {
      filter.add(" AND d.owner_id = ?", query.owner());
    }
    if (query.search() != null) {
      String prefix = escape(query.search().toLowerCase(Locale.ROOT)) + "%";
      filter.add(" AND (LOWER(s.entity_id) LIKE ? ESCAPE '!' OR d.email LIKE ? ESCAPE '!'"
          + " OR d.domain LIKE ? ESCAPE '!')", prefix, prefix, prefix);
    }
    return filter;
  }

  String where() {
    return where.toString();
  }

  /** Binds the parameters from 1; returns the next free index. */
  int bind(PreparedStatement ps) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      ps.setString(i + 1, values.get(i));
    }
    return values.size() + 1;
  }

  private void add(String condition, String... parameters) {
    where.append(condition);
    values.addAll(List.of(parameters));
  }

  /** A search is text, not a pattern: its own % and _ match only themselves. */
  private static String escape(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
