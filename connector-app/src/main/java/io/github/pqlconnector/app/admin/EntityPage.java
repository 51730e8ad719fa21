package io.github.pqlconnector.app.admin;

import io.github.pqlconnector.core.state.EntityDirectoryDao;
import java.util.List;

/**
 * One page of the PQLs list: its rows, how many entities match on all pages, and the sync's owners and types for the
 * filter drop-downs.
 */
public record EntityPage(List<EntityDirectoryDao.Row> rows, long total, List<String> owners, List<String> types) {
  public EntityPage {
    rows = List.copyOf(rows);
    owners = List.copyOf(owners);
    types = List.copyOf(types);
  }
}
