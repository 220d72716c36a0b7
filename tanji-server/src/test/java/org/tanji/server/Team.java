package org.tanji.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A new organization with a preparer (its admin), a reviewer and an approver, signed in; and what
 * the tests do with them most: take a version through review and approval to issue.
 *
 * @param admin the admin's (preparer's) token
 * @param reviewer the reviewer's token
 * @param approver the approver's token
 * @param org the organization's name, also its admin's username
 */
record Team(String admin, String reviewer, String approver, String org) {

  /** A new organization, made by the operator whose password is given. */
  static Team of(Http http, String operatorPassword) {
    String operator = http.login("admin", operatorPassword);
    String org = "is-" + UUID.randomUUID().toString().substring(0, 8);
    http.postJson("/api/organizations", operator, json("{'name':'" + org + "','admin':{'username':'" + org
        + "','password':'password-" + org + "'}}"));
    String admin = http.login(org, "password-" + org);
    for (String[] u : new String[][] {{"rev", "reviewer"}, {"appr", "approver"}}) {
      http.postJson("/api/users", admin, json("{'username':'" + org + u[0] + "','password':'password-" + u[0] + "-1'}"));
      http.send("PUT", "/api/roles", admin, "application/json", json("{'username':'" + org + u[0] + "','roles':['"
          + u[1] + "']}").getBytes(StandardCharsets.UTF_8));
    }
    return new Team(admin, http.login(org + "rev", "password-rev-1"), http.login(org + "appr", "password-appr-1"),
        org);
  }

  /** Takes a stored version through review (accepting its warnings) and approval to issue; the issue's JSON with the study's id. */
  JsonNode issue(Http http, String id, int version, String formats) {
    String v = "/api/studies/" + id + "/versions/" + version;
    http.postJson(v + "/submit", admin, "{}");
    for (JsonNode w : http.get(v + "/warnings", reviewer).json().get("pending")) {
      assertThat(http.postJson(v + "/warnings/accept", reviewer, json("{'code':'" + w.get("code").asText() + "','where':'"
          + w.get("where").asText() + "','reason':'Checked against the source documents'}")).status()).isEqualTo(204);
    }
    assertThat(http.postJson(v + "/review", reviewer, json("{'password':'password-rev-1','statement':'Reviewed'}"))
        .status()).isEqualTo(200);
    assertThat(http.postJson(v + "/approve", approver, json("{'password':'password-appr-1','statement':'Approved'}"))
        .status()).isEqualTo(200);
    Http.Resp issued = http.postJson(v + "/issue", approver, json("{'formats':[" + formats + "],'languages':['zh','en']}"));
    assertThat(issued.status()).as(issued.text()).isEqualTo(201);
    ObjectNode node = (ObjectNode) issued.json();
    node.put("id", id);
    return node;
  }

  /** JSON written with single quotes, for readability. */
  static String json(String s) {
    return s.replace('\'', '"');
  }
}
