package org.tanji.server.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through ChromeDriver, for browser tests.
 *
 * <p>Both executables are taken from {@code TANJI_CHROMIUM} and {@code TANJI_CHROMEDRIVER} when
 * set, else from the PATH; Selenium Manager is never asked (it would try to download them). Each
 * browser gets a fresh temporary profile, deleted on {@link #close()}.
 */
public final class Browser implements AutoCloseable {

  /** Viewport size of a new browser, in CSS pixels: a common laptop screen. */
  public static final int WIDTH = 1366;
  public static final int HEIGHT = 900;
  /** How long {@link #waitFor} and {@link #waitForText} wait. */
  public static final Duration WAIT = Duration.ofSeconds(10);

  static final String MISSING = "Browser tests need Chromium and ChromeDriver: apt-get install chromium"
      + " chromium-driver (scripts/test installs them)";

  private static final String[] CHROMIUM_NAMES = {"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"};
  private static final String[] DRIVER_NAMES = {"chromedriver"};

  /**
   * Held so that its level stays set. Selenium looks for a Java CDP binding matching Chromium's
   * version at every start and warns when there is none; none is needed, as the CDP commands used
   * here go through ChromeDriver ({@link ChromeDriver#executeCdpCommand}).
   */
  private static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  static {
    CDP_VERSION_LOG.setLevel(Level.SEVERE);
  }

  private static final Pattern FAVICON_404 =
      Pattern.compile("^\\S+/favicon\\.ico - Failed to load resource: .*status of 404\\b");

  private final ChromeDriver driver;
  private final Path profile;
  private final Path downloadDir;
  private final List<LogEntry> console = new ArrayList<>();
  private final Set<Path> downloadsTaken = new HashSet<>();

  private Browser(ChromeDriver driver, Path profile, Path downloadDir) {
    this.driver = driver;
    this.profile = profile;
    this.downloadDir = downloadDir;
  }

  /** Starts a headless browser in English (en-US) whose downloads go to {@code downloadDir}. */
  public static Browser open(Path downloadDir) {
    return open(downloadDir, "en-US");
  }

  /**
   * Starts a headless browser with the given UI language and Accept-Language (such as "zh-CN"),
   * viewport {@value #WIDTH}×{@value #HEIGHT}, whose downloads, PDFs included, go to
   * {@code downloadDir} without asking.
   */
  public static Browser open(Path downloadDir, String lang) {
    Path chromium = executable("TANJI_CHROMIUM", CHROMIUM_NAMES);
    Path chromedriver = executable("TANJI_CHROMEDRIVER", DRIVER_NAMES);
    Path downloads = downloadDir.toAbsolutePath();
    Path profile;
    try {
      Files.createDirectories(downloads);
      profile = Files.createTempDirectory("tanji-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--disable-extensions",
        "--disable-default-apps",
        "--password-store=basic",
        "--user-data-dir=" + profile,
        "--lang=" + lang,
        "--window-size=" + WIDTH + "," + HEIGHT);
    Map<String, Object> prefs = new HashMap<>();
    prefs.put("intl.accept_languages", lang);
    prefs.put("download.default_directory", downloads.toString());
    prefs.put("download.prompt_for_download", false);
    prefs.put("download.directory_upgrade", true);
    prefs.put("plugins.always_open_pdf_externally", true);
    prefs.put("safebrowsing.enabled", false);
    options.setExperimentalOption("prefs", prefs);
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logging);

    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(chromedriver.toFile())
        .usingAnyFreePort()
        .withSilent(true)
        .build();
    ChromeDriver driver;
    try {
      driver = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      service.stop();
      deleteTree(profile);
      throw e;
    }
    Browser browser = new Browser(driver, profile, downloads);
    browser.resize(WIDTH, HEIGHT);
    return browser;
  }

  /** The Selenium driver, for anything this class does not wrap. */
  public ChromeDriver driver() {
    return driver;
  }

  /** Loads {@code url} and waits until the page has loaded. */
  public void get(String url) {
    driver.get(url);
  }

  /** The visible text of the page's body. */
  public String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /**
   * Saves a PNG of the whole page, not only the visible part, to
   * {@code target/screenshots/<name>.png} of the module under test.
   *
   * @return the file written
   */
  public Path screenshot(String name) {
    Path file = Path.of("target", "screenshots", name + ".png").toAbsolutePath();
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, fullPagePng());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private byte[] fullPagePng() {
    Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
    // the viewport's width at least: the content's leaves out a vertical scrollbar, which goes
    // away while the page is captured at full height
    Number inner = (Number) driver.executeScript("return window.innerWidth");
    double width = Math.max(((Number) content.get("width")).doubleValue(), inner.doubleValue());
    double height = ((Number) content.get("height")).doubleValue();
    Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", Math.ceil(width), "height", Math.ceil(height),
        "scale", 1);
    Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
        Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
    return Base64.getDecoder().decode((String) shot.get("data"));
  }

  /**
   * Resizes the window so that the page's viewport (window.innerWidth × innerHeight) is
   * {@code width × height} CSS pixels, such as 820×1180 for a tablet held upright.
   */
  public void resize(int width, int height) {
    // headless Chromium still reserves room for window decorations (about 143 px of height):
    // set the outer size, measure the viewport, and grow the window by what is missing
    driver.manage().window().setSize(new Dimension(width, height));
    @SuppressWarnings("unchecked")
    List<Number> inner = (List<Number>) driver.executeScript("return [window.innerWidth, window.innerHeight]");
    int dw = width - inner.get(0).intValue();
    int dh = height - inner.get(1).intValue();
    if (dw != 0 || dh != 0) {
      driver.manage().window().setSize(new Dimension(width + dw, height + dh));
    }
  }

  /**
   * Waits for a finished download whose file name ends with {@code suffix} (".pdf") and that no
   * earlier call returned; Chromium's partial {@code .crdownload} files are not taken.
   *
   * @throws AssertionError when none has finished within {@code timeout}
   */
  public Path awaitDownload(String suffix, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<Path, Long> sizes = new HashMap<>();
    while (true) {
      List<Path> files = list(downloadDir);
      boolean partial = files.stream().anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
      for (Path f : files) {
        String n = f.getFileName().toString();
        if (!n.endsWith(suffix) || n.endsWith(".crdownload") || downloadsTaken.contains(f)) {
          continue;
        }
        long size = size(f);
        // finished: no partial download beside it, and the same size as at the last look
        Long before = sizes.put(f, size);
        if (!partial && before != null && before == size) {
          downloadsTaken.add(f);
          return f;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("No download ending with " + suffix + " finished within " + timeout + " in "
            + downloadDir + "; it holds " + files.stream().map(p -> p.getFileName().toString()).toList());
      }
      sleep(100);
    }
  }

  /**
   * Waits until an element is visible and returns it. A question the browser cannot answer while a
   * page is being replaced (a node that no longer belongs to the document) is asked again.
   */
  public WebElement waitFor(By locator) {
    return waiting().until(d -> {
      try {
        return ExpectedConditions.visibilityOfElementLocated(locator).apply(d);
      } catch (WebDriverException e) {
        if (midNavigation(e)) {
          return null; // asked again
        }
        throw e;
      }
    });
  }

  /** Chromium's answer about a node of a page it is replacing: the question is asked again. */
  private static boolean midNavigation(WebDriverException e) {
    String m = String.valueOf(e.getMessage());
    return e instanceof StaleElementReferenceException || m.contains("does not belong to the document")
        || m.contains("execution context was destroyed") || m.contains("Cannot find context with specified id");
  }

  /**
   * Clicks what leads to another page (a link, a form's button) and waits until the page it was on
   * is gone and the next one has loaded. Without this, a wait for an element that both pages have
   * can find it on the old page just before the browser replaces it.
   */
  public void clickToLoad(WebElement target) {
    WebElement page = driver.findElement(By.tagName("html"));
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", target);
    target.click();
    waiting().until(d -> {
      try {
        return ExpectedConditions.stalenessOf(page).apply(d);
      } catch (WebDriverException e) {
        if (midNavigation(e)) {
          return true; // a node of a replaced page: the page is gone
        }
        throw e;
      }
    });
    waiting().until(d -> {
      try {
        return "complete".equals(driver.executeScript("return document.readyState"));
      } catch (WebDriverException e) {
        if (midNavigation(e)) {
          return false; // asked again on the page that comes
        }
        throw e;
      }
    });
  }

  private WebDriverWait waiting() {
    return new WebDriverWait(driver, WAIT);
  }

  /** Waits until an element's text contains {@code text} and returns the element. */
  public WebElement waitForText(By locator, String text) {
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    return driver.findElement(locator);
  }

  /**
   * The browser console's errors (level SEVERE: uncaught JavaScript errors, console.error,
   * failed loads) since the browser was opened or {@link #clearConsole()} was called, as
   * "message" strings. A 404 for {@code /favicon.ico} is left out: Chromium asks for it by itself
   * on pages that name no icon (such as JSON answers), and whether it is logged before the page
   * is read is a race.
   */
  public List<String> consoleErrors() {
    return consoleLog().stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage).filter(m -> !FAVICON_404.matcher(m).find()).collect(Collectors.toList());
  }

  /** Every browser console entry since the browser was opened or {@link #clearConsole()}. */
  public List<LogEntry> consoleLog() {
    // ChromeDriver hands each entry out once, so they are kept here
    driver.manage().logs().get(LogType.BROWSER).forEach(console::add);
    return List.copyOf(console);
  }

  /** Forgets the console entries so far. */
  public void clearConsole() {
    consoleLog();
    console.clear();
  }

  /** Quits the browser and ChromeDriver and deletes the temporary profile. */
  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteTree(profile);
    }
  }

  // ---- executables

  /** The executable named by the environment variable, else the first of the names on the PATH. */
  static Path executable(String envVar, String... names) {
    String set = System.getenv(envVar);
    if (set != null && !set.isBlank()) {
      Path p = Path.of(set);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p;
      }
      throw new AssertionError(MISSING + " (" + envVar + "=" + set + " is not an executable file)");
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : names) {
      for (String dir : path.split(File.pathSeparator)) {
        if (dir.isEmpty()) {
          continue;
        }
        Path p = Path.of(dir, name);
        if (Files.isRegularFile(p) && Files.isExecutable(p)) {
          return p;
        }
      }
    }
    throw new AssertionError(MISSING + " (no " + String.join(", ", names) + " on the PATH, and " + envVar
        + " not set)");
  }

  // ---- files

  private static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      return -1; // renamed or removed meanwhile
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void deleteTree(Path dir) {
    // Chromium's last writes may land just after quit: try a few times, never fail a test on it
    for (int attempt = 0; attempt < 5 && Files.exists(dir); attempt++) {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException | UncheckedIOException e) {
        sleep(100);
      }
    }
  }
}
