package io.github.pqlconnector.core.config;

import io.github.pqlconnector.core.config.PqlConfig.Named;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import io.github.pqlconnector.core.spi.SourceConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sync names unique; sources and destinations exist. */
record SyncChecks(Problems problems) {
  /** A sync's {@code source} must have events: a source of traits only can be one of its {@code traits:}. */
  void checkEventSources(List<SyncConfig> syncs, Map<String, Named<SourceConfig>> sources) {
    for (int i = 0; i < syncs.size(); i++) {
      Named<SourceConfig> source = syncs.get(i).source() == null ? null : sources.get(syncs.get(i).source());
      if (source != null && !source.config().hasEvents()) {
        problems.add(ConfigPath.of("syncs").index(i).child("source"), "'" + source.name() + "' has no events"
            + " (a source of traits only); name it under traits: and give the sync a source of events");
      }
    }
  }

  void check(List<SyncConfig> syncs, Set<String> sources, Set<String> destinations) {
    Set<String> names = new HashSet<>();
    List<String> sourceList = new ArrayList<>(sources);
    for (int i = 0; i < syncs.size(); i++) {
      SyncConfig sync = syncs.get(i);
      ConfigPath at = ConfigPath.of("syncs").index(i);
      sync.validate(at, problems);
      if (sync.name() != null && !names.add(sync.name())) {
        problems.add(at.child("name"), "'" + sync.name() + "' is used by another sync");
      }
      checkRef(at.child("source"), sync.source(), sourceList, "sources");
      checkRef(at.child("destination"), sync.destination(), new ArrayList<>(destinations), "destinations");
      checkTraits(at.child("traits"), sync, sourceList, destinations);
    }
  }

  /** Each trait provider is a source or the sync's own destination (the CRM fields of its records). */
  private void checkTraits(ConfigPath at, SyncConfig sync, List<String> sources, Set<String> destinations) {
    List<String> traits = sync.traits() == null ? List.of() : sync.traits();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < traits.size(); i++) {
      String name = traits.get(i);
      if (!seen.add(name)) {
        problems.add(at.index(i), "'" + name + "' is listed twice");
      } else if (destinations.contains(name) && !sources.contains(name) && !name.equals(sync.destination())) {
        problems.add(at.index(i), "'" + name + "' is another sync's destination; traits are read from sources and"
            + " from this sync's destination '" + sync.destination() + "'");
      } else if (!name.equals(sync.destination())) {
        checkRef(at.index(i), name, sources, "sources");
      }
    }
  }

  private void checkRef(ConfigPath at, String ref, List<String> known, String section) {
    if (ref != null && !known.contains(ref)) {
      problems.add(at, "no " + section + " entry named '" + ref + "'" + Suggestions.didYouMean(ref, known)
          + (known.isEmpty() ? "" : "; known: " + String.join(", ", known)));
    }
  }
}
