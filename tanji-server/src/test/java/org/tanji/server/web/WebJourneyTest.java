package org.tanji.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tanji.io.ReadResult;
import org.tanji.io.StudyFiles;
import org.tanji.io.StudyFormat;
import org.tanji.io.library.FactorLibrary;
import org.tanji.io.xlsx.Workbooks;

/**
 * A newcomer's first session in headless Chromium: sign in to the demo organization, create a
 * study by hand (with a live finding on the way), see its result and charts, upload a workbook,
 * download the PDF report, compare two versions, switch to Chinese. Screenshots of every page go
 * to {@code target/screenshots/}.
 *
 * <p>The figures are checked by hand: the study made here is 110 t × 2 tCO₂e/t + 50,000 kWh ×
 * 0.5 kgCO₂e/kWh = 220,000 + 25,000 = 245,000 kgCO₂e for 100 t, so 2,450.00 kgCO₂e/t and 2.45
 * per kg; seed report 003 corrected is 2,821.88 kgCO₂e/t (docs and the seed report).
 */
class WebJourneyTest extends DemoBrowserTest {

  @TempDir static Path files;

  WebElement find(String css) {
    return browser.waitFor(By.cssSelector(css));
  }

  /** Clicks like a person would (DemoBrowserTest.click): scrolled to the middle, clear of the sticky bars. */
  void click(String css) {
    click(find(css));
  }

  /** Clicks a link or a form's button and waits for the page that answers. */
  void load(String css) {
    browser.clickToLoad(find(css));
  }

  void type(String css, String text) {
    WebElement e = find(css);
    e.clear();
    e.sendKeys(text);
  }

  void noScriptErrors(String page) {
    assertThat(browser.consoleErrors()).as("JavaScript errors on " + page).isEmpty();
  }

  @Test
  void newcomersFirstSession() throws Exception {
    try {
      journey();
    } catch (Exception | AssertionError e) {
      browser.screenshot("failure");
      throw e;
    }
  }

  void journey() throws Exception {
    // signing in: any page leads to the sign-in form first, and back to that page after it
    browser.get(server.url() + "/studies");
    find("#username");
    assertThat(browser.driver().getCurrentUrl()).contains("/login?next=");
    browser.screenshot("01-login");
    type("#username", "demo");
    type("#password", DEMO_PASSWORD);
    load("#login");
    find("#studies");
    browser.screenshot("02-dashboard");
    String dashboard = browser.text();
    assertThat(dashboard).contains("锻造耐磨钢球", "2,821.88", "Forged steel balls");
    assertThat(browser.driver().findElements(By.cssSelector("#studies tbody tr"))).hasSize(4);
    noScriptErrors("the dashboard");

    // a study typed in by hand; the product's name tries to be a script
    load("#new-study");
    find("#study-form[data-ready=true]");
    type("input[name='product.name']", "<script>alert(1)</script> brake disc");
    type("input[name='product.declaredUnit']", "1 t");
    type("input[name='product.output']", "100 t");
    type("input[name='study.title']", "Brake discs 2024");
    type("input[name='study.period.start']", "2024-01-01");
    type("input[name='study.period.end']", "2024-12-31");
    new Select(find("select[name='study.boundary']")).selectByValue("cradle-to-gate");
    click("#add-factor");
    factorRow(0, "iron", "Pig iron", "2 tCO2e/t", "national");
    click("#add-factor");
    factorRow(1, "grid", "Grid electricity", "0.5 kgCO2e/kWh", "regional");
    click("#add-line");
    line(0, "Pig iron", "raw-materials", "110 tons", "iron");
    // the unit is wrong: the finding appears next to the amount while typing, before any save
    WebElement amountFinding = new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d ->
        d.findElements(By.cssSelector("#line-table tr.line td[data-cell=amount] .fd.error")).stream().findFirst()
            .orElse(null));
    assertThat(amountFinding.getText()).contains("tons");
    browser.screenshot("03-editor-live-finding");
    WebElement amount = rowInput("#line-table tr.line", 0, "line.amount");
    amount.clear();
    amount.sendKeys("110 t");
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d ->
        d.findElements(By.cssSelector("#line-table td[data-cell=amount] .fd")).isEmpty());
    click("#add-line");
    line(1, "Electricity", "production", "50000 kWh", "grid");
    browser.waitForText(By.id("live-result"), "2,450.00");
    browser.screenshot("04-editor-filled");
    noScriptErrors("the editor");
    load("#save");

    // the result: figures, charts, tables
    find("#kpi-per-unit");
    browser.screenshot("05-result");
    assertThat(find("#kpi-per-unit").getText()).contains("2,450.00");
    assertThat(find("#kpi-per-kg").getText()).contains("2.45 ").doesNotContain("2.450");
    assertThat(find("#study-name").getText()).isEqualTo("<script>alert(1)</script> brake disc");
    assertThat(browser.driver().findElements(By.cssSelector("#chart-stages svg path"))).isNotEmpty();
    assertThat(browser.driver().findElements(By.cssSelector("#chart-pareto svg path"))).isNotEmpty();
    assertThat(find("#dq-table").getText()).contains("Pig iron", "220,000.00", "Electricity", "25,000.00");
    noScriptErrors("the result page");
    browser.resize(820, 1180);
    browser.screenshot("06-result-tablet");
    browser.resize(Browser.WIDTH, Browser.HEIGHT);

    // a workbook uploaded from the dashboard becomes a study of its own
    Path workbook = files.resolve("seed-003.xlsx");
    writeWorkbook("seed-003-steel-balls.yaml", workbook);
    load("a.brand");
    find("#upload-file").sendKeys(workbook.toString());
    load("#upload-submit");
    find("#kpi-per-unit");
    assertThat(find("#kpi-per-unit").getText()).contains("2,821.88");
    browser.screenshot("07-uploaded-workbook");

    // its PDF report, downloaded
    click("#report-pdf-en");
    Path pdf = browser.awaitDownload(".pdf", Duration.ofSeconds(60));
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertThat(doc.getNumberOfPages()).isGreaterThan(3);
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("2,821.88");
    }

    // the demo's steel-ball study has two versions: as published, then corrected
    load("a.brand");
    List<WebElement> links = browser.driver().findElements(By.cssSelector("#studies a.study-link"));
    WebElement twoVersions = null;
    for (WebElement row : browser.driver().findElements(By.cssSelector("#studies tbody tr"))) {
      if (row.getText().contains("seed-003-steel-balls.yaml")) {
        twoVersions = row.findElement(By.cssSelector("a.study-link"));
      }
    }
    assertThat(links).isNotEmpty();
    assertThat(twoVersions).as("the demo study with two versions").isNotNull();
    browser.clickToLoad(twoVersions);
    load("#versions");
    load("#compare");
    find("#diff-table");
    browser.screenshot("08-versions");
    String diff = find("#diff-table").getText();
    assertThat(diff).contains("圆钢运输", "distance", "1000 km");
    noScriptErrors("the versions page");

    // Chinese, and it sticks from page to page
    load("#lang-zh");
    find("#diff-table");
    assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
    assertThat(browser.text()).contains("版本", "修改前");
    load("a.brand");
    find("#studies");
    assertThat(browser.text()).contains("研究", "单位产品碳足迹");
    browser.screenshot("09-dashboard-zh");
    browser.clickToLoad(browser.driver().findElement(By.cssSelector("#studies a.study-link")));
    find("#findings");
    assertThat(browser.text().toLowerCase(Locale.ROOT)).contains("检查结果");
    browser.screenshot("10-result-zh");
    noScriptErrors("the Chinese pages");
  }

  void factorRow(int i, String key, String name, String value, String type) {
    rowInput("#factor-table tr.factor", i, "factor.key").sendKeys(key);
    rowInput("#factor-table tr.factor", i, "factor.name").sendKeys(name);
    rowInput("#factor-table tr.factor", i, "factor.value").sendKeys(value);
    new Select(rowInput("#factor-table tr.factor", i, "factor.type")).selectByValue(type);
  }

  void line(int i, String name, String stage, String amount, String factor) {
    String rows = "#line-table tr.line";
    rowInput(rows, i, "line.name").sendKeys(name);
    new Select(rowInput(rows, i, "line.stage")).selectByValue(stage);
    rowInput(rows, i, "line.amount").sendKeys(amount);
    rowInput(rows, i, "line.factor").sendKeys(factor);
    new Select(rowInput(rows, i, "line.activity")).selectByValue("continuous");
    new Select(rowInput(rows, i, "line.calibration")).selectByValue("compliant");
  }

  WebElement rowInput(String rows, int i, String name) {
    List<WebElement> all = browser.driver().findElements(By.cssSelector(rows));
    return all.get(i).findElement(By.cssSelector("[name='" + name + "']"));
  }

  static void writeWorkbook(String example, Path target) throws IOException {
    byte[] yaml;
    try (InputStream in = Files.newInputStream(Path.of("..", "examples", example))) {
      yaml = in.readAllBytes();
    }
    ReadResult read = StudyFiles.read(yaml, StudyFormat.YAML, example, FactorLibrary.builtIn());
    try (OutputStream out = Files.newOutputStream(target)) {
      Workbooks.write(read.study(), Locale.SIMPLIFIED_CHINESE, FactorLibrary.builtIn(), target.getFileName().toString(),
          out);
    }
  }
}
