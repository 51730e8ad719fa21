package io.github.pqlconnector.app.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless chromium through its own chromedriver (nothing downloaded). Without them a test skips with the
 * command that installs them, except under CI ({@code CI=true}), where {@code .ci/run} installs them first and a
 * missing browser is a failure.
 */
public final class Chromium {
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

  public static ChromeDriver start() {
    return start(new String[0]);
  }

  /** With extra command-line switches, e.g. {@code --host-resolver-rules=MAP rebind.test 127.0.0.1}. */
  public static ChromeDriver start(String... switches) {
    boolean present = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI=true but " + BROWSER + " or " + DRIVER + " is missing; .ci/run installs them");
    }
    assumeTrue(present, "no " + BROWSER + " and " + DRIVER + ": apt-get install -y chromium chromium-driver");
    ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile()).addArguments("--headless=new",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--window-size=1280,2000").addArguments(switches);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }
}
