package io.github.pqlconnector.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.pqlconnector.app.browser.Chromium;
import io.github.pqlconnector.hubspot.fake.HubSpotFake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.slf4j.LoggerFactory;

/**
 * The console in headless Chromium against the real {@code pql serve} stack and the HubSpot fake, as an operator
 * and a viewer use it. Each page is saved as a screenshot under {@code target/console/}.
 */
class ConsoleBrowserTest {
  static final String SYNC = "product-to-hubspot";
  @TempDir Path dir;
  ConsoleStack console;
  ChromeDriver browser;

  final List<String> pages = new ArrayList<>();
  final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);

  @BeforeEach
  void start() throws Exception {
    logs.start();
    root.addAppender(logs);
    browser = Chromium.start();
    console = new ConsoleStack(dir);
  }

  @AfterEach
  void stop() {
    root.detachAppender(logs);
    if (browser != null) {
      browser.quit();
    }
    if (console != null) {
      console.close();
    }
  }

  @Test
  void anOperatorSchedulesPausesRunsAndFollowsTheRunToItsErrorsAndPqls() throws IOException {
    signIn(ConsoleStack.OPERATOR, ConsoleStack.OPERATOR_PASSWORD);
    assertThat(browser.getTitle()).startsWith("Overview");
    assertThat(text("table.syncs")).contains(SYNC).contains("every day at 03:00").contains("0 0 3 * * ?");
    assertThat(text("ul.health")).contains("Scheduler ok").contains("State store ok");
    shot("overview");

    go(browser.findElement(By.linkText(SYNC)));
    editCron("0 0 0 30 2 ?", "save");
    assertThat(browser.findElement(By.id("cron-error")).getText()).contains("never fires");
    assertThat(browser.findElement(By.id("cron")).getAttribute("aria-invalid")).isEqualTo("true");
    shot("sync-invalid-cron");
    editCron("0 */30 * * * ?", "preview");
    assertThat(text("main")).contains("every 30 minutes").contains("It would run at");
    assertThat(browser.findElements(By.cssSelector("ol.fires li"))).hasSize(5);
    editCron("0 */30 * * * ?", "save");
    assertThat(text("p.note")).contains("Schedule saved");
    assertThat(text("main")).contains("overrides the file").contains("the file says 0 0 3 * * ?");
    shot("sync");
    go(browser.findElement(By.xpath("//button[text()=\"Use the file's value\"]")));
    assertThat(text("p.note")).contains("put back");
    assertThat(text("main")).doesNotContain("overrides the file");

    go(button("Pause"));
    assertThat(text("dl.facts")).contains("paused");
    go(button("Resume"));
    assertThat(text("dl.facts")).contains("active");

    go(button("Run now"));
    assertThat(text("p.note")).contains("Run started");
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
      browser.navigate().refresh();
      return browser.findElements(By.cssSelector("ul.recent li")).size() == 1 && !text("ul.recent").contains("RUNNING");
    });
    assertThat(text("ul.recent")).contains("PARTIAL");
    go(browser.findElement(By.cssSelector("ul.recent a")));
    assertThat(browser.getTitle()).startsWith("Run #");
    List<WebElement> errors = browser.findElements(By.cssSelector("table.errors tbody tr"));
    assertThat(errors).hasSize(ConsoleStack.REFUSED.size());
    assertThat(errors.get(0).getText()).containsPattern("user u(3|7)");
    assertThat(button("Retry failed records")).isNotNull();
    shot("run");

    go(browser.findElement(By.linkText("Runs")));
    choose("status", "PARTIAL");
    go(button("Filter"));
    assertThat(browser.findElements(By.cssSelector("table.runs tbody tr"))).hasSize(1);
    shot("runs");
    go(browser.findElement(By.cssSelector("table.runs tbody a")));
    go(button("Retry failed records"));
    assertThat(text("p.note")).contains("Retry started");
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
      browser.get(console.url("/runs?sync=" + SYNC));
      return browser.findElements(By.cssSelector("table.runs tbody tr")).size() == 2 && !text("table.runs").contains("RUNNING");
    });

    go(browser.findElement(By.linkText("PQLs")));
    choose("status", "pql");
    go(button("Show"));
    List<WebElement> pqls = browser.findElements(By.cssSelector("table.pqls tbody tr"));
    assertThat(pqls).isNotEmpty().allSatisfy(row -> assertThat(row.getText()).contains("pql"));
    shot("pqls");
    go(() -> browser.findElement(By.id("q")).sendKeys("user4@acme-4.io", Keys.ENTER));
    go(browser.findElement(By.linkText("user u4")));
    assertThat(text("main")).contains("Reasons written to the CRM").contains("Sent 12 messages")
        .contains("Verdict history").contains("Tasks opened");
    assertThat(text("ul.signals")).contains("met");
    assertThat(browser.findElement(By.linkText("Open in the CRM")).getAttribute("href"))
        .startsWith("https://app.hubspot.com/contacts/" + ConsoleStack.PORTAL + "/record/0-1/");
    shot("pql");

    go(browser.findElement(By.linkText("Conversion")));
    assertThat(browser.getTitle()).startsWith("Conversion");
    shot("conversion");
    browser.get(console.url("/syncs/" + SYNC + "/plan"));
    assertThat(text("main")).contains("Status changes").contains("Tasks it would open");
    shot("dry-run");

    go(button("Sign out"));
    assertThat(browser.getTitle()).startsWith("Sign in");
    browser.get(console.url("/runs"));
    assertThat(browser.getTitle()).as("signed out: back to sign-in").startsWith("Sign in");
    assertNoSecretShown();
  }

  @Test
  void aViewerSeesEverythingAndCanChangeNothing() throws IOException {
    signIn(ConsoleStack.VIEWER, ConsoleStack.VIEWER_PASSWORD);
    browser.get(console.url("/syncs/" + SYNC));
    assertThat(browser.findElements(By.xpath("//button[text()='Pause' or text()='Run now' or text()='Save']")))
        .isEmpty();
    assertThat(text("header")).contains("vera (viewer)");
    String csrf = browser.findElement(By.cssSelector("header form input[name=_csrf]")).getAttribute("value");
    assertThat(post("/syncs/" + SYNC + "/pause", csrf)).as("viewer, with a valid CSRF token")
        .contains("only an operator can change anything");
    browser.navigate().back();
    assertThat(post("/syncs/" + SYNC + "/pause", null)).as("no CSRF token").contains("CSRF");
    assertThat(console.stack.daemon().sync(SYNC).orElseThrow().paused()).isFalse();
  }

  @Test
  void pagesWorkWithAKeyboardAndOnAPhone() throws IOException {
    browser.get(console.url("/"));
    browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to content");
    browser.switchTo().activeElement().sendKeys(Keys.TAB);
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("name");
    browser.switchTo().activeElement().sendKeys(ConsoleStack.OPERATOR, Keys.TAB);
    go(() -> browser.switchTo().activeElement().sendKeys(ConsoleStack.OPERATOR_PASSWORD, Keys.ENTER));
    assertThat(browser.getTitle()).startsWith("Overview");
    browser.manage().window().setSize(new Dimension(390, 844));
    for (String path : List.of("/", "/syncs/" + SYNC, "/runs", "/pqls", "/conversion")) {
      browser.get(console.url(path));
      assertThat(unlabelledControls()).as(path + ": every input and select has a label").isZero();
      long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
          "return document.documentElement.scrollWidth - window.innerWidth;");
      assertThat(overflow).as(path + ": nothing wider than the phone but the scrolling tables").isLessThanOrEqualTo(0);
    }
    browser.get(console.url("/"));
    shot("phone-overview");
  }

  private void signIn(String name, String password) {
    browser.get(console.url("/"));
    assertThat(browser.getTitle()).startsWith("Sign in");
    browser.findElement(By.id("name")).sendKeys(name);
    browser.findElement(By.id("password")).sendKeys(password);
    go(button("Sign in"));
  }

  private void editCron(String cron, String intent) {
    WebElement field = browser.findElement(By.id("cron"));
    field.clear();
    field.sendKeys(cron);
    go(browser.findElement(By.cssSelector("form.cron button[value=" + intent + "]")));
  }

  /** Clicks and waits until the page it leads to has replaced this one. */
  private void go(WebElement target) {
    go(target::click);
  }

  private void go(Runnable action) {
    WebElement page = browser.findElement(By.tagName("html"));
    action.run();
    await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
      try {
        page.isDisplayed();
        return false;
      } catch (StaleElementReferenceException gone) {
        return true;
      }
    });
  }

  private void choose(String select, String value) {
    browser.findElement(By.cssSelector("#" + select + " option[value='" + value + "']")).click();
  }

  private WebElement button(String label) {
    return browser.findElement(By.xpath("//button[normalize-space()=\"" + label + "\"]"));
  }

  private String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText();
  }

  private long unlabelledControls() {
    return (Long) ((JavascriptExecutor) browser).executeScript("return [...document.querySelectorAll("
        + "'input:not([type=hidden]), select')].filter(e => !document.querySelector('label[for=\"' + e.id + '\"]'))"
        + ".length;");
  }

  /**
   * A form posted from the page, as the browser sends it (session cookie and all), with the CSRF token or none;
   * the text of the page it leads to.
   */
  private String post(String path, String csrf) {
    ((JavascriptExecutor) browser).executeScript("const f = document.createElement('form'); f.method = 'post';"
        + " f.action = arguments[0]; if (arguments[1]) { const i = document.createElement('input'); i.type = 'hidden';"
        + " i.name = '_csrf'; i.value = arguments[1]; f.appendChild(i); } document.body.appendChild(f); f.submit();",
        path, csrf);
    await().atMost(Duration.ofSeconds(5)).until(() -> browser.getTitle().startsWith("Refused"));
    return text("main");
  }

  /** Neither the admin token, a password nor the CRM token is on any page seen or in any log line. */
  private void assertNoSecretShown() {
    List<String> secrets = List.of(ConsoleStack.TOKEN, ConsoleStack.OPERATOR_PASSWORD, ConsoleStack.VIEWER_PASSWORD,
        HubSpotFake.TOKEN);
    assertThat(pages).hasSizeGreaterThan(8).allSatisfy(page -> secrets.forEach(s -> assertThat(page).doesNotContain(s)));
    List<ILoggingEvent> logged;
    synchronized (logs) {   // the scheduler's threads go on logging; the appender appends under this lock
      logged = List.copyOf(logs.list);
    }
    assertThat(logged).isNotEmpty().allSatisfy(event -> secrets.forEach(s -> {
      assertThat(event.getFormattedMessage()).doesNotContain(s);
      if (event.getThrowableProxy() != null) {
        assertThat(event.getThrowableProxy().getMessage()).doesNotContain(s);
      }
    }));
  }

  private void shot(String name) throws IOException {
    pages.add(browser.getPageSource());
    Path file = Path.of("target", "console", name + ".png");
    Files.createDirectories(file.getParent());
    Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
  }
}
