// Runs the official PACT conformance tool (wbcsd/pact-conformance-service, its sources in
// $PACT_CONFORMANCE_DIR with node_modules installed) against a PACT host, with the tool's own
// callback listener (its EventHandler) on a local port, so that tests 13 and 14.B (the host's
// fulfilled and rejected events) are checked too. Called by scripts/pact-conformance.sh, which sets:
//   PACT_BASE_URL, PACT_CLIENT_ID, PACT_CLIENT_SECRET  the host and an API client of it
//   CONFORMANCE_API  http://127.0.0.1:PORT, where the listener answers (the partner's event endpoint
//                    is CONFORMANCE_API/3/events)
// Prints one line per test case and exits 0 when every mandatory test passed, 1 otherwise.
"use strict";
const path = require("path");
const http = require("http");

const dir = process.env.PACT_CONFORMANCE_DIR;
require(path.join(dir, "node_modules", "ts-node")).register({
  project: path.join(dir, "tsconfig.json"),
  transpileOnly: true,
});
// the tool logs every request it makes; its verdicts are what is printed here (errors still go to
// stderr: it logs 13 and 14.B as failed while their callbacks are pending, before they are counted)
const logger = require(path.join(dir, "src/utils/logger")).default;
logger.info = () => {};
logger.debug = () => {};
logger.warn = () => {};
logger.error = (m, meta) => console.error(m, meta === undefined ? "" : meta);
const { TestRunWorker } = require(path.join(dir, "src/services/test-run-worker"));
const { ConsoleTestStorage } = require(path.join(dir, "src/services/console-test-storage"));
const { EventHandler } = require(path.join(dir, "src/services/event-handler"));

const storage = new ConsoleTestStorage();
const events = new EventHandler(storage);

const listener = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    if (req.method !== "POST" || req.url !== "/3/events") {
      res.writeHead(404).end();
      return;
    }
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch (e) {
      res.writeHead(400).end("not JSON");
      return;
    }
    events.processEvent(body, req.url)
      .then(() => res.writeHead(200).end())
      .catch((e) => res.writeHead(e.statusCode || 400).end(String(e.message)));
  });
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const port = Number(new URL(process.env.CONFORMANCE_API).port);
  await new Promise((r) => listener.listen(port, "127.0.0.1", r));
  const started = Date.now();
  const run = await new TestRunWorker(storage).startTestRun({
    baseUrl: process.env.PACT_BASE_URL,
    clientId: process.env.PACT_CLIENT_ID,
    clientSecret: process.env.PACT_CLIENT_SECRET,
    version: "V3.0",
    organizationName: "Tanji conformance run",
    adminEmail: "cli@example.com",
    adminName: "CLI",
  });
  // the host answers requests asynchronously: wait for the callbacks (13, 14.B), at most 30 s
  let results = run.results;
  for (let i = 0; i < 150 && results.some((r) => r.status === "PENDING"); i++) {
    await sleep(200);
    results = (await storage.getTestRunWithResults(run.testRunId)).results;
  }
  listener.close();
  results.sort((a, b) => a.testKey.localeCompare(b.testKey, "en", { numeric: true }));
  let failed = 0;
  for (const r of results) {
    const bad = r.mandatory && r.status !== "SUCCESS";
    failed += bad ? 1 : 0;
    const note = r.status === "SUCCESS" ? "" : "  " + String(r.errorMessage || "").replace(/<br\/>/g, " ");
    console.log(`${r.status.padEnd(7)} ${r.mandatory ? "mandatory" : "optional "} ${r.name}${note}`);
  }
  const mandatory = results.filter((r) => r.mandatory);
  console.log(`conformance: ${mandatory.length - failed} of ${mandatory.length} mandatory tests passed,`
    + ` ${results.length - mandatory.length} optional; ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error("conformance run failed: " + (e && e.stack ? e.stack : e));
  process.exit(2);
});
