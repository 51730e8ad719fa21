package io.github.pqlconnector.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pqlconnector.core.config.StateConfig;
import io.github.pqlconnector.core.error.StateException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An H2 state path that cannot work is one line naming the path, before H2 prints its stack traces. */
class StateStorePathTest {
  @TempDir Path dir;

  @Test
  void anH2PathUnderAFileIsOneLineAndNoStackTrace() throws IOException {
    Files.writeString(dir.resolve("afile"), "x");
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true));
    try {
      assertThatThrownBy(() -> StateStore.open(config("jdbc:h2:file:" + dir + "/afile/state")))
          .isInstanceOf(StateException.class)
          .hasMessage("cannot open the state database jdbc:h2:file:" + dir + "/afile/state: " + dir.resolve("afile")
              + " is a file, not a directory (check state.url)");
    } finally {
      System.setErr(err);
    }
    assertThat(captured.toString()).isEmpty();
  }

  @Test
  void aReadOnlyDatabaseIsReachableButNotWritable() {
    String url = "jdbc:h2:file:" + dir + "/state";
    try (StateStore store = StateStore.open(config(url))) {
      assertThat(store.writeProblem()).isEmpty();
    }
    try (StateStore store = StateStore.open(config(url + ";ACCESS_MODE_DATA=r"))) {
      assertThat(store.isReachable()).isTrue();
      assertThat(store.writeProblem()).contains("the connection is read-only");
    }
  }

  @Test
  void theDatabaseFileOfAnH2Url() {
    assertThat(H2Files.databaseFile("jdbc:h2:file:/var/pql/state;MODE=PostgreSQL")).contains(Path.of("/var/pql/state.mv.db"));
    assertThat(H2Files.databaseFile("jdbc:h2:/var/pql/state")).contains(Path.of("/var/pql/state.mv.db"));
    assertThat(H2Files.databaseFile("jdbc:h2:mem:x")).isEmpty();
    assertThat(H2Files.databaseFile("jdbc:postgresql://127.0.0.1/test")).isEmpty();
  }

  private static StateConfig config(String url) {
    return new StateConfig(url, null, null, null);
  }
}
