// tests/browser/round.test.mjs — issue 19's round in a real browser: Debian's chromium (headless,
// 1366×768) driven by puppeteer-core against `policytk serve` on a database this test makes.
//
//   1. a unit (市经信局) signs in, types a wrong value into the first figure of its 报送 form and
//      saves: the message is beside the field (#err-value.1) and nothing is saved (no new batch,
//      the unit still 未报);
//   2. it corrects the value and saves: #notice 已保存; one batch more;
//   3. the office signs in: the unit's row on the 报送 page says 部分 (one cell of many filled,
//      before the due date — policytk.round.status), as /api/…/round/status does;
//   4. the 驾驶舱 shows the target whose status the new figure changed (found by comparing
//      `policytk progress` before and after) with the status /api/wenzhou/progress and
//      `policytk progress` give, as badge colour and label; a full-page screenshot is kept in
//      build/artefacts/dashboard.png;
//   5. the server stops on SIGTERM with exit code 0.
//
// Run: `make test-browser` (or `node tests/browser/round.test.mjs` after `npm ci` in tests/browser).
// Environment: POLICYTK_EXE (default ../../build/policytk from this file), POLICYTK_CHROMIUM
// (default /usr/bin/chromium), POLICYTK_ARTEFACTS (default build/artefacts of the repository).
// Exit code 0 when every step holds, 1 with the failing step's message otherwise; the server and
// chromium are killed in every case, and on failure the temporary directory is kept and named.

import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../..");
const EXE = resolve(process.env.POLICYTK_EXE || join(ROOT, "build/policytk"));
const CHROMIUM = process.env.POLICYTK_CHROMIUM || "/usr/bin/chromium";
const ARTEFACTS = resolve(process.env.POLICYTK_ARTEFACTS || join(ROOT, "build/artefacts"));
const TODAY = "2025-07-03";
const CITY = "wenzhou";
const UNIT = "市经信局";
const USERS = {
  unit: { name: "browser_unit", password: "unit-pass-2025", role: "unit" },
  office: { name: "browser_office", password: "office-pass-2025", role: "office" },
};
const WRONG = "abc";
const RIGHT = "400";
const TIMEOUT = 60000; // per wait: generous, the machine is shared

// The badge a status is shown with (policytk.progress COLOR and LABEL, pages/layout.lua CLASS).
const BADGE = {
  achieved: ["green", "绿 已完成"], on_track: ["green", "绿 序时推进"], lagging: ["yellow", "黄 略有滞后"],
  behind: ["red", "红 明显滞后"], missed: ["red", "红 到期未完成"], no_data: ["grey", "灰 暂无数据"],
};

const ENV = { ...process.env, POLICYTK_TODAY: TODAY, POLICYTK_HOME: process.env.POLICYTK_HOME || ROOT,
  POLICYTK_LOG: "quiet" };
const work = mkdtempSync(join(tmpdir(), "policytk-browser-"));
const DB = join(work, "p.db");
let server = null, serverLog = "", browser = null, step = "setting up";

class Failure extends Error {}
function check(cond, message) { if (!cond) throw new Failure(message); }
function eq(actual, expected, what) {
  check(actual === expected, `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

function policytk(args, input) {
  try {
    return execFileSync(EXE, [...args, "--db", DB], { env: ENV, input, encoding: "utf8", stdio: ["pipe", "pipe", "pipe"] });
  } catch (e) {
    throw new Failure(`policytk ${args.join(" ")} failed (exit ${e.status}): ${e.stderr || e.message}`);
  }
}
const json = (args) => JSON.parse(policytk([...args, "--format", "json"]));

function makeDatabase() {
  policytk(["demo"]);
  policytk(["round", "open", CITY, "--period", "2025-06", "-o", join(work, "round")]);
  for (const u of Object.values(USERS)) {
    policytk(["user", "add", u.name, "--unit", UNIT, "--role", u.role, "--city", CITY, "--password-stdin"],
      u.password + "\n");
  }
}

// Starts the server on a free loopback port; resolves with its URL (from its first stdout line).
function startServer() {
  return new Promise((ok, fail) => {
    server = spawn(EXE, ["serve", "--db", DB, "--listen", "127.0.0.1:0"], { env: ENV, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    const timer = setTimeout(() => fail(new Failure(`no URL from policytk serve within ${TIMEOUT} ms: ${out}${serverLog}`)), TIMEOUT);
    server.stdout.setEncoding("utf8");
    server.stderr.setEncoding("utf8");
    server.stderr.on("data", (d) => { serverLog += d; });
    server.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/正在监听 (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) { clearTimeout(timer); ok(m[1]); }
    });
    server.on("exit", (code, sig) => { clearTimeout(timer); fail(new Failure(`policytk serve exited (${code ?? sig}) before listening: ${serverLog}`)); });
  });
}

function stopServer() {
  return new Promise((ok) => {
    const timer = setTimeout(() => { server.kill("SIGKILL"); ok({ code: null, signal: "timeout" }); }, TIMEOUT);
    server.removeAllListeners("exit");
    server.on("exit", (code, signal) => { clearTimeout(timer); ok({ code, signal }); });
    server.kill("SIGTERM");
  });
}

// Navigation by a click (a form's submit button): waits for the next page's load.
async function clickAndWait(page, selector) {
  const [res] = await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click(selector)]);
  return res;
}

async function signIn(page, url, user) {
  await page.goto(`${url}/login`, { waitUntil: "load" });
  await page.type("#name", user.name);
  await page.type("#password", user.password);
  await clickAndWait(page, "#login");
  check(await page.$("#login-error") === null,
    `sign-in of ${user.name} refused: ${await page.$eval("#login-error", (e) => e.textContent).catch(() => "")}`);
  check(!new URL(page.url()).pathname.startsWith("/login"), `sign-in of ${user.name} stayed on ${page.url()}`);
}

async function signOut(page) {
  await clickAndWait(page, 'form[action="/logout"] button');
  eq(new URL(page.url()).pathname, "/login", "after 退出 the page");
}

// The API through the browser's own session cookie.
async function api(page, path) {
  const r = await page.evaluate(async (p) => {
    const res = await fetch(p, { credentials: "same-origin" });
    return { status: res.status, text: await res.text() };
  }, path);
  eq(r.status, 200, `GET ${path} status`);
  return JSON.parse(r.text);
}

const unitRow = (rows) => rows.find((r) => r.unit === UNIT);
const byKey = (rows) => new Map(rows.map((r) => [`${r.doc}/${r.id}`, r]));

async function run() {
  step = "making the database";
  makeDatabase();
  const batchesBefore = json(["history"]).length;
  const progressBefore = byKey(json(["progress", "--city", CITY]));

  step = "starting policytk serve";
  const url = await startServer();
  console.log(`browser test: ${url} on ${DB}`);

  step = "launching chromium";
  browser = await puppeteer.launch({
    executablePath: CHROMIUM, headless: true,
    args: ["--no-sandbox", "--headless=new", "--window-size=1366,768", "--disable-gpu", "--disable-dev-shm-usage"],
    defaultViewport: { width: 1366, height: 768 }, protocolTimeout: TIMEOUT * 3,
  });
  const page = await browser.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.setDefaultNavigationTimeout(TIMEOUT);

  step = `signing in as the unit (${UNIT})`;
  await signIn(page, url, USERS.unit);

  step = "the 报送 page with a wrong value";
  await page.goto(`${url}/city/${CITY}/submit`, { waitUntil: "load" });
  await page.waitForSelector("#submit-form");
  const indicator = await page.$eval('#submit-form tbody tr:first-child td:first-child', (e) => e.textContent.trim());
  await page.type('[id="f-value.1"]', WRONG);
  let res = await clickAndWait(page, "#save");
  eq(res.status(), 422, "a refused save's HTTP status");
  const err = await page.waitForSelector('[id="err-value.1"]', { visible: true });
  const errText = await err.evaluate((e) => e.textContent.trim());
  check(errText.includes(WRONG), `the message beside value.1 does not name "${WRONG}": "${errText}"`);
  const beside = await page.$eval('[id="err-value.1"]', (e) => !!e.closest("td")?.querySelector('[id="f-value.1"]'));
  check(beside, "the message #err-value.1 is not in the same cell as its field #f-value.1");
  const field = await page.$eval('[id="f-value.1"]', (e) => ({ value: e.value, bad: e.classList.contains("bad") }));
  eq(field.value, WRONG, "the refused field keeps what was typed");
  check(field.bad, "the refused field #f-value.1 is not marked (class bad)");
  eq(json(["history"]).length, batchesBefore, "batches after the refused save");
  eq(unitRow(await api(page, `/api/${CITY}/round/status`))?.status, "未报", `${UNIT} after the refused save`);
  console.log(`browser test: refused "${WRONG}" beside the field: ${errText}`);

  step = "correcting the value and saving";
  await page.$eval('[id="f-value.1"]', (e) => { e.value = ""; });
  await page.type('[id="f-value.1"]', RIGHT);
  res = await clickAndWait(page, "#save");
  eq(res.status(), 200, "the page after a good save (303 followed)");
  check(page.url().includes("saved=1"), `after the save the page is ${page.url()}, not …?saved=1`);
  const notice = await page.$eval("#notice", (e) => e.textContent.trim());
  check(notice.includes("已保存"), `#notice says "${notice}"`);
  eq(json(["history"]).length, batchesBefore + 1, "batches after the good save");
  await signOut(page);

  step = "the office's 报送 page";
  await signIn(page, url, USERS.office);
  await page.goto(`${url}/city/${CITY}/submit`, { waitUntil: "load" });
  const statusRow = unitRow(await api(page, `/api/${CITY}/round/status`));
  // policytk.round.status: returned, 1 cell of many filled, before the due date → 部分
  check(statusRow && statusRow.cells_filled === 1 && statusRow.cells_total > 1 && TODAY <= statusRow.due,
    `${UNIT} in /api/${CITY}/round/status: ${JSON.stringify(statusRow)}`);
  eq(statusRow.status, "部分", `${UNIT} in /api/${CITY}/round/status`);
  const st = await page.$eval(`tr[data-unit="${UNIT}"] .st`, (e) => e.textContent.trim());
  eq(st, "部分", `${UNIT}'s row on the office's 报送 page`);
  const summary = await page.$eval("#round-summary", (e) => e.textContent);
  check(/部分 1/.test(summary), `#round-summary says "${summary}"`);

  step = "the 驾驶舱";
  const progressAfter = json(["progress", "--city", CITY]);
  const apiAfter = byKey(await api(page, `/api/${CITY}/progress`));
  const changed = progressAfter.filter((t) => progressBefore.get(`${t.doc}/${t.id}`)?.status !== t.status);
  const target = changed.find((t) => t.indicator_name === indicator && t.lead_units.includes(UNIT));
  check(target, `no target of "${indicator}" changed status (changed: ${changed.map((t) => t.id).join(", ") || "none"})`);
  const key = `${target.doc}/${target.id}`;
  eq(apiAfter.get(key)?.status, target.status, `${key} in /api/${CITY}/progress against policytk progress`);
  await page.goto(`${url}/city/${CITY}/`, { waitUntil: "load" });
  const row = await page.waitForSelector(`tr[data-target="${key}"]`);
  const shown = await row.evaluate((tr) => {
    const b = tr.querySelector(".badge");
    return { status: tr.dataset.status, cls: b?.className, badge: b?.textContent.trim(), bg: b && getComputedStyle(b).backgroundColor,
      link: tr.querySelector("a")?.getAttribute("href") };
  });
  const [cls, label] = BADGE[target.status] || [];
  eq(shown.status, target.status, `data-status of ${key} on the 驾驶舱`);
  eq(shown.cls, `badge ${cls}`, `badge class of ${key}`);
  eq(shown.badge, label, `badge of ${key}`);
  check(shown.link && shown.link.endsWith(`/target/${target.id}`), `${key}'s link is ${shown.link}`);
  const greyBg = await page.evaluate(() => {
    const b = document.querySelector("tr[data-status='no_data'] .badge");
    return b && getComputedStyle(b).backgroundColor;
  });
  check(target.status === "no_data" || shown.bg !== greyBg, `${key}'s badge has the grey colour of 暂无数据 (${shown.bg})`);
  const round = await page.$eval(`[data-unit="${UNIT}"][data-round-status]`, (e) => e.dataset.roundStatus);
  eq(round, "部分", `${UNIT} in the 驾驶舱's round block`);
  console.log(`browser test: ${key} ${indicator}: ${progressBefore.get(key).status} → ${target.status} (${shown.badge})`);

  step = "the screenshot";
  mkdirSync(ARTEFACTS, { recursive: true });
  const shot = join(ARTEFACTS, "dashboard.png");
  await page.screenshot({ path: shot, fullPage: true });
  console.log(`browser test: screenshot ${shot}`);

  step = "closing chromium";
  await browser.close();
  browser = null;

  step = "stopping the server";
  const { code, signal } = await stopServer();
  server = null;
  eq(code, 0, `policytk serve's exit code after SIGTERM (signal ${signal})`);
  check(/已停止（SIGTERM）/.test(serverLog), "policytk serve did not log 已停止（SIGTERM）");
}

async function cleanup() {
  if (browser) {
    const proc = browser.process();
    await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    if (proc && proc.exitCode === null) proc.kill("SIGKILL");
  }
  if (server && server.exitCode === null) server.kill("SIGKILL");
}

try {
  await run();
  rmSync(work, { recursive: true, force: true });
  console.log("browser test: ok");
  process.exit(0);
} catch (e) {
  await cleanup();
  console.error(`browser test FAILED while ${step}: ${e instanceof Failure ? e.message : e.stack || e}`);
  if (serverLog) console.error(`server log (last lines):\n${serverLog.split("\n").slice(-15).join("\n")}`);
  console.error(`kept: ${work}`);
  process.exit(1);
}
