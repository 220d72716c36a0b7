package org.tanji.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Review, approval and issue as three people do it in a browser: the demo admin gives two
 * colleagues their roles on the team page and submits the cast back plate; the reviewer accepts its
 * two warnings with reasons and signs the review; the approver signs the approval and issues the
 * report, whose public verification page says it is valid.
 */
class WorkflowBrowserTest extends DemoBrowserTest {

  @Test
  void submitReviewApproveIssue_thenVerify() {
    signIn("demo", DEMO_PASSWORD);
    browser.get(server.url() + "/team");
    addUser("rita", "ritas-password-1");
    addUser("abe", "abes-password-12");
    setRoles("rita", "reviewer");
    setRoles("abe", "approver");
    WebElement rita = browser.waitFor(By.id("member-rita"));
    assertThat(rita.findElement(By.cssSelector("input[value=reviewer]")).isSelected()).isTrue();
    assertThat(rita.findElement(By.cssSelector("input[value=preparer]")).isSelected()).isFalse();

    browser.get(server.url() + "/studies");
    load(browser.waitFor(By.xpath("//a[@class='study-link' and text()='钢背']")));
    String study = browser.driver().getCurrentUrl();
    load(browser.waitFor(By.id("flow-submit")));
    browser.waitForText(By.id("state"), "in review");
    // the one who saved the version cannot review it: no signing form for them
    assertThat(browser.driver().findElements(By.id("flow-sign"))).isEmpty();
    signOut();

    signIn("rita", "ritas-password-1");
    browser.get(study);
    List<WebElement> warnings = browser.driver().findElements(By.cssSelector("form.warning-accept"));
    assertThat(warnings).hasSize(2);
    for (int i = 0; i < 2; i++) {
      WebElement w = browser.waitFor(By.cssSelector("form.warning-accept"));
      w.findElement(By.name("statement")).sendKeys("checked against the foundry's records");
      load(w.findElement(By.tagName("button")));
      browser.waitFor(By.id("workflow"));
    }
    assertThat(browser.driver().findElements(By.cssSelector("form.warning-accept"))).isEmpty();
    sign("ritas-password-1");
    browser.waitForText(By.id("state"), "reviewed");
    signOut();

    signIn("abe", "abes-password-12");
    browser.get(study);
    sign("abes-password-12");
    browser.waitForText(By.id("state"), "approved");
    WebElement issue = browser.waitFor(By.id("flow-issue"));
    for (WebElement box : issue.findElements(By.cssSelector("input[value=docx], input[value=en]"))) {
      click(box); // PDF and HTML in Chinese are enough here, and quicker
    }
    load(issue.findElement(By.id("flow-issue-button")));
    browser.waitForText(By.id("state"), "issued");
    String issued = browser.waitFor(By.id("issued")).getText();
    assertThat(issued).containsPattern("TJ-\\d{4}-0001").contains(".pdf").contains(".html").doesNotContain(".docx");
    assertThat(browser.waitFor(By.cssSelector("ul.signatures")).getText())
        .contains("Reviewed by rita").contains("Approved by abe");
    browser.screenshot("workflow-issued");

    load(browser.waitFor(By.id("verify-link")));
    assertThat(browser.waitFor(By.id("status")).getText()).contains("Valid");
    assertThat(browser.waitFor(By.id("number")).getText()).matches("TJ-\\d{4}-0001");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  private void signOut() {
    load(browser.waitFor(By.id("logout")));
    browser.waitFor(By.id("username"));
  }

  private void addUser(String name, String password) {
    browser.waitFor(By.id("new-username")).sendKeys(name);
    browser.driver().findElement(By.id("new-password")).sendKeys(password);
    load(browser.driver().findElement(By.id("add-user-button")));
    browser.waitFor(By.id("member-" + name));
  }

  /** Leaves the user exactly the one role given. */
  private void setRoles(String name, String role) {
    WebElement row = browser.waitFor(By.id("member-" + name));
    for (WebElement box : row.findElements(By.cssSelector("input[type=checkbox]"))) {
      if (box.isSelected() != box.getAttribute("value").equals(role)) {
        click(box);
      }
    }
    load(row.findElement(By.tagName("button")));
    browser.waitFor(By.id("member-" + name));
  }

  private void sign(String password) {
    WebElement form = browser.waitFor(By.id("flow-sign"));
    form.findElement(By.name("password")).sendKeys(password);
    load(form.findElement(By.id("flow-sign-button")));
  }

  /** Follows a link or sends a form: the next lookup is on the page that answers. */
  private void load(WebElement e) {
    browser.clickToLoad(e);
  }
}
