package io.github.pqlconnector.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pqlconnector.core.secret.Secret;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small pieces under the server: path and query decoding, and the bearer check. */
class PathsAndAuthTest {
  @Test
  void pathSegmentsAreDecodedAndPlusStaysPlus() {
    assertThat(Paths.segments("/api/syncs/a%2Fb+c/")).containsExactly("api", "syncs", "a/b+c");
    assertThat(Paths.segments("/")).isEmpty();
    assertThat(Paths.segments("/api//x")).containsExactly("api", "", "x");
  }

  @Test
  void queryIsDecodedAndTheFirstOfRepeatedNamesWins() {
    assertThat(Paths.query("sync=a+b%21&limit=5&limit=9&flag")).isEqualTo(Map.of("sync", "a b!", "limit", "5",
        "flag", ""));
    assertThat(Paths.query(null)).isEmpty();
  }

  @Test
  void malformedEscapeIsABadRequest() {
    assertThatThrownBy(() -> Paths.segments("/api/syncs/%zz")).isInstanceOf(BadRequest.class);
    assertThatThrownBy(() -> Paths.query("sync=%")).isInstanceOf(BadRequest.class);
  }

  @Test
  void bearerSchemeIsCaseInsensitiveAndTheTokenExact() {
    BearerAuth auth = new BearerAuth(new Secret("s3cr3t"));
    assertThat(auth.allows("Bearer s3cr3t")).isTrue();
    assertThat(auth.allows("bearer s3cr3t")).isTrue();
    assertThat(auth.allows(null)).isFalse();
    assertThat(auth.allows("Bearer")).isFalse();
    assertThat(auth.allows("Basic s3cr3t")).isFalse();
    assertThat(auth.allows("Bearer s3cr3")).isFalse();
    assertThat(auth.allows("Bearer s3cr3tt")).isFalse();
    assertThat(new BearerAuth(null).allows(null)).isTrue();
  }

  @Test
  void redactHidesTheTokenPlainAndUrlEncoded() {
    BearerAuth auth = new BearerAuth(new Secret("a/b c"));
    assertThat(auth.redact("/api/a/b c/x/a%2Fb+c")).isEqualTo("/api/******/x/******");
  }
}
