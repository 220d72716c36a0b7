package org.tanji.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tanji.server.ServerConfig;
import org.tanji.server.TanjiServer;

/**
 * The editor's factor library search, as a person uses it: open the library, type, pick a factor,
 * and its id lands in the line's factor field. (It answered 500 whenever it found something: the
 * rows carried {@code key}, the template read {@code id}.)
 */
class FactorSearchBrowserTest {

  @TempDir static Path dataDir;
  @TempDir static Path downloads;
  static TanjiServer server;
  static Browser browser;

  @BeforeAll
  static void start() {
    server = TanjiServer.start(ServerConfig.builder(dataDir).port(0).adminPassword("admin-search-password")
        .demo(true, "demo-search-password").build());
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

  @Test
  void pickingALibraryFactor_fillsTheLinesFactorField() {
    browser.get(server.url() + "/login");
    browser.waitFor(By.id("username")).sendKeys("demo");
    browser.driver().findElement(By.id("password")).sendKeys("demo-search-password");
    browser.clickToLoad(browser.driver().findElement(By.id("login")));
    browser.waitFor(By.id("studies"));
    browser.get(server.url() + "/studies/new");
    browser.waitFor(By.cssSelector("#study-form[data-ready=true]"));
    click(browser.waitFor(By.id("add-line")));
    WebElement factor = browser.waitFor(By.cssSelector("#line-table tr.line [name='line.factor']"));
    click(factor);
    click(browser.waitFor(By.cssSelector("#library summary")));
    browser.waitFor(By.id("factor-search")).sendKeys("electricity-footprint-2023");
    WebElement use = new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d ->
        d.findElements(By.cssSelector("#factor-results .use-factor")).stream().findFirst().orElse(null));
    assertThat(use.getAttribute("data-factor")).isEqualTo("cn-electricity-footprint-2023");
    assertThat(browser.waitFor(By.id("factor-results")).getText()).contains("0.6205");
    click(use);
    assertThat(factor.getAttribute("value")).isEqualTo("cn-electricity-footprint-2023");
    assertThat(browser.consoleErrors()).isEmpty();
    browser.screenshot("factor-search");
  }

  private void click(WebElement e) {
    browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
    e.click();
  }
}
