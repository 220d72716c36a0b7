package org.tanji.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanji.server.ServerConfig;
import org.tanji.server.TanjiServer;

/** The browser test kit works: Chromium starts, shows the server's pages, downloads, reports JS errors. */
class BrowserSmokeTest {

  static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
      + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
      .getBytes(StandardCharsets.US_ASCII);

  @TempDir static Path dataDir;
  @TempDir static Path downloads;

  static TanjiServer server;
  static HttpServer files;
  static Browser browser;

  @BeforeAll
  static void start() throws IOException {
    server = TanjiServer.start(ServerConfig.builder(dataDir.resolve("data")).port(0)
        .adminPassword("browser-smoke-password").build());
    files = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    // a PDF sent as an attachment, and one sent inline (which Chromium would show in its viewer)
    serve("/attached.pdf", "application/pdf", PDF, "attachment; filename=\"report.pdf\"");
    serve("/inline.pdf", "application/pdf", PDF, null);
    serve("/broken.html", "text/html; charset=utf-8",
        "<!doctype html><title>broken</title><p>broken</p><script>throw new Error('smoke-boom')</script>"
            .getBytes(StandardCharsets.UTF_8), null);
    serve("/tall.html", "text/html; charset=utf-8",
        "<!doctype html><title>tall</title><body style=margin:0><div style='height:2500px;background:linear-gradient(#fff,#4a4)'>top</div>"
            .getBytes(StandardCharsets.UTF_8), null);
    files.start();
    long t0 = System.nanoTime();
    browser = Browser.open(downloads);
    System.out.printf("Browser.open: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
  }

  static void serve(String path, String type, byte[] body, String disposition) {
    files.createContext(path, exchange -> {
      exchange.getResponseHeaders().set("Content-Type", type);
      if (disposition != null) {
        exchange.getResponseHeaders().set("Content-Disposition", disposition);
      }
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
  }

  static String filesUrl() {
    return "http://127.0.0.1:" + files.getAddress().getPort();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (files != null) {
      files.stop(0);
    }
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void forgetConsole() {
    browser.clearConsole();
  }

  @Test
  void showsTheHealthPage() {
    browser.get(server.url() + "/api/health");
    assertThat(browser.text()).contains("ok");
    Path shot = browser.screenshot("smoke-health");
    assertThat(shot).exists().isNotEmptyFile();
    assertThat(browser.driver().executeScript("return navigator.language")).isEqualTo("en-US");
    assertThat(browser.driver().executeScript("return [window.innerWidth, window.innerHeight]"))
        .isEqualTo(List.of(1366L, 900L));
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void screenshotsTheWholePage() throws IOException {
    browser.get(filesUrl() + "/tall.html");
    Path shot = browser.screenshot("smoke-tall");
    byte[] png = Files.readAllBytes(shot);
    // PNG header: width and height are the big-endian ints at bytes 16 and 20
    ByteBuffer header = ByteBuffer.wrap(png, 16, 8);
    assertThat(header.getInt()).isEqualTo(Browser.WIDTH);
    assertThat(header.getInt()).isEqualTo(2500);
  }

  @Test
  void downloadsAttachmentsAndPdfs() throws IOException {
    browser.get(filesUrl() + "/attached.pdf");
    Path attached = browser.awaitDownload(".pdf", Duration.ofSeconds(15));
    assertThat(attached.getFileName()).hasToString("report.pdf");
    assertThat(Files.readAllBytes(attached)).isEqualTo(PDF);

    // a PDF without Content-Disposition downloads too, instead of opening the PDF viewer
    browser.get(filesUrl() + "/inline.pdf");
    Path inline = browser.awaitDownload(".pdf", Duration.ofSeconds(15));
    assertThat(inline.getFileName()).hasToString("inline.pdf");
    assertThat(Files.readAllBytes(inline)).isEqualTo(PDF);
  }

  @Test
  void reportsJavaScriptErrors() {
    browser.get(filesUrl() + "/broken.html");
    assertThat(browser.text()).contains("broken");
    assertThat(browser.consoleErrors()).anySatisfy(e -> assertThat(e).contains("smoke-boom"));
  }

  @Test
  void resizesToATabletView() {
    browser.resize(820, 1180);
    try {
      assertThat(browser.driver().executeScript("return [window.innerWidth, window.innerHeight]"))
          .isEqualTo(List.of(820L, 1180L));
    } finally {
      browser.resize(Browser.WIDTH, Browser.HEIGHT);
    }
  }
}
