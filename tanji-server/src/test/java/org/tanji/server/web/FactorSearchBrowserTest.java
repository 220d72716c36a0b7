package org.tanji.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The editor's factor library search, as a person uses it: open the library, type, pick a factor,
 * and its id lands in the line's factor field. (It answered 500 whenever it found something: the
 * rows carried {@code key}, the template read {@code id}.)
 */
class FactorSearchBrowserTest extends DemoBrowserTest {

  @Test
  void pickingALibraryFactor_fillsTheLinesFactorField() {
    signIn("demo", DEMO_PASSWORD);
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
}
