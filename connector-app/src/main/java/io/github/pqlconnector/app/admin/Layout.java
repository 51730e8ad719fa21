package io.github.pqlconnector.app.admin;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The frame of every console page: head, navigation, who is signed in, sign-out, and the page's own content. */
final class Layout {
  static final String HTML = "text/html; charset=utf-8";
  private static final List<String[]> NAV = List.of(new String[] {"/", "Overview"},
      new String[] {"/runs", "Runs"}, new String[] {"/pqls", "PQLs"}, new String[] {"/conversion", "Conversion"});

  private Layout() {}

  /** A full page for the request's viewer; {@code section} marks the navigation entry as current. */
  static Response page(int status, String title, String section, Route.Request request, Html content) {
    return html(status, frame(title, section, request.principal(), request.session(), content));
  }

  static Response html(int status, String markup) {
    return new Response(status, HTML, markup.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  static Response redirect(String location) {
    return new Response(303, HTML, new byte[0], Map.of("Location", location));
  }

  static String frame(String title, String section, @Nullable Principal principal, @Nullable Session session,
      Html content) {
    Html page = new Html();
    page.raw("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .raw("<title>").text(title).raw(" · PQL Connector</title>")
        .raw("<link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"/assets/console.css\">")
        .raw("</head><body><a class=\"skip\" href=\"#main\">Skip to content</a><header><nav aria-label=\"Main\">")
        .raw("<span class=\"brand\">PQL Connector</span>");
    if (principal != null) {
      page.raw("<ul>");
      for (String[] entry : NAV) {
        page.raw("<li><a href=\"" + entry[0] + "\"" + (entry[1].equals(section) ? " aria-current=\"page\"" : "")
            + ">").text(entry[1]).raw("</a></li>");
      }
      page.raw("</ul>");
    }
    user(page, principal, session);
    page.raw("</nav></header><main id=\"main\"><h1>").text(title).raw("</h1>").raw(content.toString())
        .raw("</main></body></html>");
    return page.toString();
  }

  private static void user(Html page, @Nullable Principal principal, @Nullable Session session) {
    if (principal == null || principal.via() != Principal.Via.SESSION || session == null) {
      return;
    }
    page.raw("<span class=\"who\">").text(principal.name() + (principal.operator() ? " (operator)" : " (viewer)"))
        .raw("</span>").button("/logout", session.csrf(), "Sign out", "link", Map.of());
  }
}
