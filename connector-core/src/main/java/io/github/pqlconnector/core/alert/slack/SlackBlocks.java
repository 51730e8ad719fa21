package io.github.pqlconnector.core.alert.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pqlconnector.core.alert.Alert;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An alert as a Slack Block Kit message: a header with the title ({@code text} too, for notifications), the
 * details, and for a new-PQL digest one section per owner (owners with the strongest PQL first) listing each PQL
 * with its score and top reason, linked to the CRM record where there is a URL, then "and N more" when the digest was
 * cut.
 */
public final class SlackBlocks {
  static final String NO_OWNER = "No owner";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SECTION_LIMIT = 2900;    // Slack allows 3000 characters in a section's text

  private SlackBlocks() {}

  public static String message(Alert alert) {
    ObjectNode message = JSON.createObjectNode();
    message.put("text", alert.title());
    ArrayNode blocks = message.putArray("blocks");
    blocks.addObject().put("type", "header").set("text", text("plain_text", cut(alert.title(), 150)));
    if (!alert.details().isEmpty()) {
      section(blocks, String.join("\n", alert.details().stream().map(SlackBlocks::escape).toList()));
    }
    if (alert.newPqls() != null) {
      digest(blocks, alert.newPqls());
    }
    context(blocks, "sync *" + escape(alert.sync()) + "*" + (alert.runId() == null ? "" : " · run " + alert.runId())
        + " · " + alert.kind());
    return message.toString();
  }

  private static void digest(ArrayNode blocks, Alert.Digest digest) {
    Map<String, StringBuilder> byOwner = new LinkedHashMap<>();   // top is strongest first: so are the owners
    for (Alert.Pql pql : digest.top()) {
      String owner = pql.owner() == null ? NO_OWNER : "Owner " + pql.owner();
      byOwner.computeIfAbsent(owner, o -> new StringBuilder("*" + escape(o) + "*")).append('\n').append(line(pql));
    }
    byOwner.values().forEach(lines -> section(blocks, lines.toString()));
    if (digest.more() > 0) {
      context(blocks, "and " + digest.more() + " more");
    }
  }

  private static String line(Alert.Pql pql) {
    String name = pql.url() == null ? "`" + escape(pql.entity()) + "`"
        : "<" + pql.url() + "|" + escape(pql.entity()) + ">";
    return "• " + name + " · score " + pql.score() + (pql.reason() == null ? "" : " · " + escape(pql.reason()));
  }

  private static void section(ArrayNode blocks, String mrkdwn) {
    blocks.addObject().put("type", "section").set("text", text("mrkdwn", cut(mrkdwn, SECTION_LIMIT)));
  }

  private static void context(ArrayNode blocks, String mrkdwn) {
    blocks.addObject().put("type", "context").putArray("elements").add(text("mrkdwn", mrkdwn));
  }

  private static ObjectNode text(String type, String value) {
    ObjectNode text = JSON.createObjectNode().put("type", type).put("text", value);
    return type.equals("plain_text") ? text.put("emoji", true) : text;
  }

  /** Slack's mrkdwn control characters, escaped as Slack asks. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
