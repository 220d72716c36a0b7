package org.tanji.server.web;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.tanji.server.ServerConfig;
import org.tanji.server.TanjiServer;

/**
 * What a browser test class works with: a server that made the demo organization (user {@code
 * demo}, {@link #DEMO_PASSWORD}), a Chromium at it in English, and the moves a person makes.
 */
abstract class DemoBrowserTest {

  static final String DEMO_PASSWORD = "demo-browser-password";

  @TempDir static Path dataDir;
  @TempDir static Path downloads;
  static TanjiServer server;
  static Browser browser;

  @BeforeAll
  static void start() {
    server = TanjiServer.start(ServerConfig.builder(dataDir).port(0).adminPassword("admin-browser-password")
        .demo(true, DEMO_PASSWORD).build());
    browser = Browser.open(downloads, "en-US");
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** Signs in on the sign-in page and waits for the studies it leads to. */
  static void signIn(String user, String password) {
    browser.get(server.url() + "/login");
    browser.waitFor(By.id("username")).sendKeys(user);
    browser.driver().findElement(By.id("password")).sendKeys(password);
    browser.clickToLoad(browser.driver().findElement(By.id("login")));
    browser.waitFor(By.id("studies"));
  }

  /** Clicks like a person would: with the element scrolled to the middle, clear of the sticky bars. */
  static void click(WebElement e) {
    browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
    e.click();
  }
}
