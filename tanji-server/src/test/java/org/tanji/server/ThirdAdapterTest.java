package org.tanji.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tanji.core.i18n.Messages;
import org.tanji.server.adapter.Adapter;
import org.tanji.server.adapter.Wiring;
import org.tanji.server.app.Services;
import org.tanji.server.app.AppException;
import org.tanji.server.domain.Principal;
import org.tanji.server.domain.StudyInfo;

/**
 * A third interface added as docs/server.md says, without touching the API or the pages: its own
 * paths ({@code /plain/}), its own authentication (a key header naming a user, for this test) and
 * its own error shape (a line of plain text). The other two answer as before beside it.
 */
final class ThirdAdapterTest {

  /** The test's interface: studies as lines of text. */
  private static final class PlainText implements Adapter {
    private final Services services;

    PlainText(Wiring wiring) {
      this.services = wiring.services();
    }

    @Override
    public boolean owns(String path) {
      return path.startsWith("/plain/");
    }

    @Override
    public void register(RoutesConfig routes) {
      routes.get("/plain/studies", ctx -> ctx.result(services.studies().list(who(ctx)).stream()
          .map(s -> s.id() + " " + s.current().summary().name()).collect(Collectors.joining("\n"))));
      routes.get("/plain/studies/{id}", ctx -> {
        StudyInfo s = services.studies().study(who(ctx), UUID.fromString(ctx.pathParam("id")));
        ctx.result(s.current().summary().name() + " v" + s.currentVersion());
      });
    }

    private Principal who(Context ctx) {
      String key = ctx.header("X-Plain-User");
      if (key == null) {
        throw new AppException.Unauthenticated("NO_KEY", "auth.missing");
      }
      return services.accounts().principalNamed(key)
          .orElseThrow(() -> new AppException.Unauthenticated("BAD_KEY", "auth.unknown"));
    }

    @Override
    public void fail(Context ctx, Exception e) {
      AppException a = AppException.of(e).orElseThrow(() -> new AssertionError(e));
      ctx.status(a instanceof AppException.NotFound ? 404 : 401).contentType("text/plain; charset=utf-8")
          .result(a.code() + " " + Messages.render(AppException.BUNDLE, a.text(), Messages.EN));
    }
  }

  @Test
  void aThirdAdapterServesItsPathsItsWay_andTheOthersAreUnchanged() throws Exception {
    Path dir = Files.createTempDirectory("tanji-third");
    try (TanjiServer server = TanjiServer.start(ServerConfig.builder(dir).port(0).adminPassword("third-admin-pw")
        .demo(true, "third-demo-pw").adapter(PlainText::new).build())) {
      Http http = new Http(server.url());
      Http.Resp list = http.send("GET", "/plain/studies", null, null, null, "X-Plain-User", "demo");
      assertThat(list.status()).isEqualTo(200);
      assertThat(list.text()).contains("钢球");
      String id = list.text().lines().findFirst().orElseThrow().split(" ")[0];
      Http.Resp one = http.send("GET", "/plain/studies/" + id, null, null, null, "X-Plain-User", "demo");
      assertThat(one.text()).matches(".+ v\\d+");

      Http.Resp noKey = http.get("/plain/studies", null);
      assertThat(noKey.status()).isEqualTo(401);
      assertThat(noKey.text()).startsWith("NO_KEY Sign in first");
      // the operator's organization has no such study: not found, in this adapter's shape
      Http.Resp other = http.send("GET", "/plain/studies/" + id, null, null, null, "X-Plain-User", "admin");
      assertThat(other.status()).isEqualTo(404);
      assertThat(other.text()).isEqualTo("NOT_FOUND Your organization has no study " + id + ".");

      // the API and the pages beside it answer as always
      Http.Resp api = http.get("/api/nothing-here", null);
      assertThat(api.status()).isEqualTo(404);
      assertThat(api.json().get("code").asText()).isEqualTo("NOT_FOUND");
      Http.Resp page = http.get("/nothing-here", null);
      assertThat(page.status()).isEqualTo(404);
      assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("<html");
      assertThat(http.postJson("/api/login", null, "{\"username\":\"demo\",\"password\":\"third-demo-pw\"}").status())
          .isEqualTo(200);
    }
  }
}
