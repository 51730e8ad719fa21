package io.github.pqlconnector.core.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stored form of a {@link DayPartial}: compact JSON, slot by slot in the model's layout.
 * {@code {"n":[3.0,null],"s":[1,["a","b"]],"a":5,"u":{…},"ia":"acct","iat":1764…,"ie":"x@example.com","iet":…}}:
 * numbers ({@code null} = no event yet for first/last seen), sets ({@code 1} = the day was active, or the
 * user itself for its own distinct users), the activation mask, the user's events without an account, and
 * its identity. Buckets are only valid for the layout they were written with: see {@link #fingerprint}.
 */
final class BucketCodec {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Bump when the encoding changes: stored buckets then no longer match and are rebuilt. */
  private static final String FORMAT = "buckets-v1";

  private BucketCodec() {}

  static String encode(DayPartial partial, CompiledModel model) {
    ObjectNode root = aggregate(partial.own, model);
    if (partial.unattributed != null) {
      root.set("u", aggregate(partial.unattributed, model));
    }
    Identity identity = partial.identity;
    if (identity.account != null) {
      root.put("ia", identity.account).put("iat", identity.accountAt);
    }
    if (identity.email != null) {
      root.put("ie", identity.email).put("iet", identity.emailAt);
    }
    return root.toString();
  }

  static DayPartial decode(String data, CompiledModel model) {
    JsonNode root;
    try {
      root = JSON.readTree(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored day bucket is not readable; run with --full to rebuild", e);
    }
    DayPartial partial = new DayPartial(aggregate(root, model));
    if (root.has("u")) {
      partial.unattributed = aggregate(root.get("u"), model);
    }
    if (root.has("ia")) {
      partial.identity.learnAccount(root.get("ia").asText(), root.get("iat").asLong());
    }
    if (root.has("ie")) {
      partial.identity.learnEmail(root.get("ie").asText(), root.get("iet").asLong());
    }
    return partial;
  }

  /**
   * What the stored buckets depend on: the encoding, the slot layout of the model's metrics and how many
   * days are kept. A model edit that changes it makes the next run rebuild the buckets from the source.
   */
  static String fingerprint(CompiledModel model) {
    StringBuilder layout = new StringBuilder(FORMAT).append("|days=").append(model.maxCalendarDays());
    for (MetricDef def : model.allDefs()) {
      layout.append('|').append(def.kind()).append(',').append(def.slot()).append(',')
          .append(def.events() == null ? "*" : new TreeSet<>(def.events())).append(',').append(def.property());
    }
    layout.append("|steps=").append(model.config().activation().steps());
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      layout.chars().forEach(c -> digest.update(new byte[] {(byte) (c >> 8), (byte) c}));
      return HexFormat.of().formatHex(digest.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static ObjectNode aggregate(EntityAggregate agg, CompiledModel model) {
    ObjectNode node = JSON.createObjectNode();
    ArrayNode numbers = node.putArray("n");
    for (int slot = 0; slot < model.numberKinds().size(); slot++) {
      double value = agg.number(slot);
      if (Double.isInfinite(value)) {
        numbers.addNull();
      } else {
        numbers.add(value);
      }
    }
    ArrayNode sets = node.putArray("s");
    for (int slot = 0; slot < model.setSlots(); slot++) {
      Object set = agg.rawSet(slot);
      if (set == null) {
        sets.addNull();
      } else if (set instanceof BitSet || agg.isSelf(slot)) {
        sets.add(1);
      } else {
        ArrayNode values = sets.addArray();
        new TreeSet<>(castStrings(set)).forEach(values::add);
      }
    }
    if (agg.activation() != 0) {
      node.put("a", agg.activation());
    }
    return node;
  }

  private static EntityAggregate aggregate(JsonNode node, CompiledModel model) {
    EntityAggregate agg = new EntityAggregate(model);
    JsonNode numbers = node.get("n");
    for (int slot = 0; slot < numbers.size(); slot++) {
      if (!numbers.get(slot).isNull()) {
        agg.restoreNumber(slot, numbers.get(slot).asDouble());
      }
    }
    JsonNode sets = node.get("s");
    for (MetricDef def : model.allDefs()) {
      JsonNode set = def.kind().usesSet ? sets.get(def.slot()) : null;
      if (set == null || set.isNull()) {
        continue;
      }
      if (set.isArray()) {
        List<String> values = new java.util.ArrayList<>();
        set.forEach(v -> values.add(v.asText()));
        agg.restoreValues(def.slot(), values);
      } else if (def.kind() == MetricKind.ACTIVE_DAYS) {
        agg.markDay(def.slot(), 0);
      } else {
        agg.markSelf(def.slot());
      }
    }
    agg.restoreActivation(node.path("a").asLong(0));
    return agg;
  }

  @SuppressWarnings("unchecked")
  private static Set<String> castStrings(Object set) {
    return (Set<String>) set;
  }
}
