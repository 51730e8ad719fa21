package io.github.pqlconnector.bitrix24;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The faults {@link FakePortal} injects, as Bitrix24 shows them (crm-apis.md): a revoked or wrong webhook is HTTP 401
 * {@code NO_AUTH_FOUND}; the request limit is HTTP 503 {@code QUERY_LIMIT_EXCEEDED}; a server error is the nginx 503
 * page in front of the portal; a refused record is a {@code result_error} entry for its command inside {@code batch};
 * a lost answer is a batch applied in full and then a connection reset.
 */
final class PortalFaults {
  private final Set<String> refused = ConcurrentHashMap.newKeySet();
  private double failShare;
  private @Nullable Random failing;
  private double loseShare;
  private @Nullable Random losing;
  private int storm;
  private boolean expired;
  private int injected;

  /** Answers replaced by a fault, batches whose answer was lost and record writes refused, since the last reset. */
  synchronized int injected() {
    return injected;
  }

  synchronized void resetInjected() {
    injected = 0;
  }

  /** Refuses writes to the item {@code entityTypeId/id}. */
  void refuse(String item) {
    refused.add(item);
  }

  boolean refuses(String entityTypeId, String id) {
    boolean refuse = refused.contains(entityTypeId + "/" + id);
    if (refuse) {
      synchronized (this) {
        injected++;
      }
    }
    return refuse;
  }

  synchronized void failRandomly(double share, long seed) {
    failShare = share;
    failing = new Random(seed);
  }

  synchronized void loseResponses(double share, long seed) {
    loseShare = share;
    losing = new Random(seed);
  }

  synchronized void storm(int calls) {
    storm = calls;
  }

  synchronized void expire() {
    expired = true;
  }

  synchronized void lift() {
    refused.clear();
    failing = null;
    losing = null;
    storm = 0;
    expired = false;
  }

  /** The answer that replaces the portal's before anything is applied, or null. */
  synchronized @Nullable ResponseDefinition before() {
    ResponseDefinition fault = fault();
    if (fault != null) {
      injected++;
    }
    return fault;
  }

  private @Nullable ResponseDefinition fault() {
    if (expired) {
      return json(401, "{\"error\":\"NO_AUTH_FOUND\",\"error_description\":\"Wrong authorization data\"}");
    }
    if (storm > 0) {
      storm--;
      return queryLimitExceeded();
    }
    if (failing != null && failing.nextDouble() < failShare) {
      return new ResponseDefinitionBuilder().withStatus(503).withHeader("Content-Type", "text/html")
          .withBody("<html><head><title>503 Service Temporarily Unavailable</title></head><body><center>"
              + "<h1>503 Service Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>")
          .build();
    }
    return null;
  }

  /** Whether the answer to this applied write batch is lost (a connection reset). */
  synchronized boolean loses(String commands) {
    boolean writes = commands.contains("crm.item.update") || commands.contains("crm.item.add")
        || commands.contains("crm.activity.todo.add");
    boolean lose = writes && losing != null && losing.nextDouble() < loseShare;
    if (lose) {
      injected++;
    }
    return lose;
  }

  /** The request limit's answer (crm-apis.md, limits.md): HTTP 503, the API's own wording. */
  static ResponseDefinition queryLimitExceeded() {
    return json(503, "{\"error\":\"QUERY_LIMIT_EXCEEDED\",\"error_description\":\"Too many requests\"}");
  }

  static ResponseDefinition reset() {
    return new ResponseDefinitionBuilder().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
  }

  private static ResponseDefinition json(int status, String body) {
    return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody(body).build();
  }
}
