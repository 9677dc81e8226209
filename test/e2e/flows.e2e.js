/**
 * Task-pane flows in the browser (run by test/e2e/run.js): Score writes the risk columns (issue 4), the
 * score → customers → collections → policy → rescore loop in English and Chinese (issue 5), a keyboard-only
 * pass, axe-core on every pane view, and the pane screenshots in docs/screenshots/.
 * Buttons and tabs are found by their accessible names, read from src/taskpane/strings.ts in both languages.
 */
"use strict";
/* global window, document, axe -- evaluated in the browser page */

const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..", "..");
const SCREENSHOTS = path.join(ROOT, "docs", "screenshots");
const AXE = path.join(ROOT, "node_modules", "axe-core", "axe.min.js");

/** Single-line `key: "value",` entries of one string table in strings.ts. */
function parseTable(source) {
  const table = {};
  for (const m of source.matchAll(/^\s+(\w+):\s*"((?:[^"\\]|\\.)*)",?\s*$/gm))
    table[m[1]] = JSON.parse(`"${m[2]}"`);
  return table;
}

/** The pane strings per language, straight from the product's string tables. */
function loadStrings() {
  const src = fs.readFileSync(path.join(ROOT, "src", "taskpane", "strings.ts"), "utf8");
  const zhAt = src.indexOf("const ZH");
  return { en: parseTable(src.slice(0, zhAt)), zh: parseTable(src.slice(zhAt)) };
}
const STRINGS = loadStrings();

/** Output headers written by a run, per language (src/engine/pipeline/output.ts). */
const OUTPUT_HEADERS = {
  en: ["Open Balance", "Days Past Due", "Aging Bucket", "Customer Score", "Risk Grade", "Breaches"],
  zh: ["未收余额", "逾期天数", "账龄区间", "客户评分", "风险等级", "预警"],
};
const BUCKET_RE = /^(Current|未到期|\d+(-\d+)?|\d+\+)$/;

const pane = (page) => page.locator("[data-taskpane]");
const exact = (name) => ({ name, exact: true });

/** Opens the playground in `lang` and waits for the pane's Score button. */
async function openPane(t, lang) {
  await t.open(lang === "zh" ? "/playground.html?lang=zh-CN" : "/playground.html");
  await t.waitReady();
  const S = STRINGS[lang];
  await pane(t.page).getByRole("button", exact(S.scoreButton)).waitFor({ timeout: 30000 });
  return S;
}

/** Name of the sheet the pane scores (the active sheet tab of the playground). */
async function activeSheet(page) {
  return page.evaluate(() => {
    const tab = document.querySelector('[role="tab"][aria-selected="true"]:not([data-taskpane] *)');
    return tab ? tab.textContent : window.playground.sheetNames()[0];
  });
}

const getValues = (page, sheet) => page.evaluate((s) => window.playground.getValues(s), sheet);

/** Fails with the pane's error text when a run was blocked or failed. */
async function paneError(page) {
  const bars = pane(page).locator('.fui-MessageBar[class*="error"], [data-intent="error"]');
  return (await bars.count()) > 0 ? bars.first().innerText() : null;
}

/**
 * Starts a run (mouse or keyboard), confirms the detected mapping when the pane asks for it, and waits until the
 * result is shown ("Clear results" visible again) and `done(values)` holds for the scored sheet.
 */
async function score(t, S, sheet, { keyboard = false, done = () => true } = {}) {
  const p = pane(t.page);
  const press = async (locator) => {
    if (keyboard) {
      await locator.focus();
      await t.page.keyboard.press("Enter");
    } else await locator.click();
  };
  await press(p.getByRole("button", exact(S.scoreButton)));
  const confirm = p.getByRole("button", exact(S.mappingConfirm));
  const clear = p.getByRole("button", exact(S.clearResults));
  const deadline = Date.now() + 60000;
  let confirmed = false;
  for (;;) {
    if (Date.now() > deadline)
      throw new Error(`scoring did not finish; pane error: ${await paneError(t.page)}`);
    if (!confirmed && (await confirm.count()) > 0 && (await confirm.isEnabled())) {
      await press(confirm);
      confirmed = true;
    }
    if ((await clear.count()) > 0 && done(await getValues(t.page, sheet))) break;
    const err = await paneError(t.page);
    if (err) throw new Error(`scoring failed: ${err}`);
    await t.page.waitForTimeout(200);
  }
  return getValues(t.page, sheet);
}

/** Column index of each output header in row 1 (-1 when missing). */
const headerIndex = (values, headers) => headers.map((h) => values[0].indexOf(h));

async function openView(t, tabName) {
  const tab = pane(t.page).getByRole("tab", exact(tabName));
  await tab.click();
  await t.page.waitForFunction(
    (name) =>
      [...document.querySelectorAll('[data-taskpane] [role="tab"]')].some(
        (el) => el.textContent === name && el.getAttribute("aria-selected") === "true",
      ),
    tabName,
  );
}

/** Screenshot of the pane element only. */
async function paneShot(page, file) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await pane(page).screenshot({ path: path.join(SCREENSHOTS, file) });
}

/** The Issue 5 loop in one language. */
async function loop(t, lang) {
  const S = await openPane(t, lang);
  const sheet = await activeSheet(t.page);
  const H = OUTPUT_HEADERS[lang];
  const first = await score(t, S, sheet, { done: (v) => v[0].includes(H[2]) });
  const bucketCol = first[0].indexOf(H[2]);
  t.assert.ok(bucketCol >= 0, `"${H[2]}" header written`);
  if (lang === "zh") await paneShot(t.page, "pane-score-zh.png");

  // Customers: rows visible; clicking one selects the customer's rows on the sheet.
  await openView(t, S.tabCustomers);
  const rows = pane(t.page).locator("li[data-customer] > button");
  await rows.first().waitFor({ timeout: 10000 });
  t.assert.ok((await rows.count()) > 1, "customer rows listed");
  const nameBox = t.page.locator("output").first();
  const before = await nameBox.textContent();
  await rows.nth(1).click();
  await t.page.waitForFunction((b) => document.querySelector("output")?.textContent !== b, before, {
    timeout: 5000,
  });
  t.assert.strictEqual(await paneError(t.page), null);

  // Collections: a drafted message naming an invoice number, Copy and e-mail draft controls.
  await openView(t, S.tabCollections);
  const card = pane(t.page).locator("article[data-customer]").first();
  await card.waitFor({ timeout: 10000 });
  const message = await card.locator("textarea").inputValue();
  const invoiceCol = first[0].findIndex((h) => /^(Invoice No\.?|发票号码?|发票编号)$/.test(String(h)));
  const invoiceNos = first
    .slice(1)
    .map((r) => String(invoiceCol >= 0 ? r[invoiceCol] : ""))
    .filter((x) => x.length >= 3);
  t.assert.ok(
    invoiceNos.some((no) => message.includes(no)),
    `message names an invoice number: ${message.slice(0, 200)}`,
  );
  await card.getByRole("button", exact(S.copy)).click();
  const status = await card.getByRole("status").textContent({ timeout: 5000 });
  t.assert.ok([S.copied, S.copyFailed].includes(status), `copy status ${status}`);
  const href = await card.getByRole("link", exact(S.openEmail)).getAttribute("href");
  t.assert.match(href, /^mailto:/);

  // Policy: four aging edges (15,30,60,90 → buckets 1-15 and 16-30 replace 1-30), six loss rates, save.
  await openView(t, S.tabPolicy);
  await pane(t.page).getByLabel(S.edgesLabel).fill("15, 30, 60, 90");
  await pane(t.page).getByLabel(S.lossRatesLabel).fill("0.3, 1, 1.6, 3.6, 6.6, 10.6");
  await pane(t.page).getByRole("button", exact(S.savePolicy)).click();
  await pane(t.page).getByText(S.policySaved).waitFor({ timeout: 10000 });
  // The shown results were computed with the old policy: every view says so until the sheet is scored again.
  await pane(t.page).getByText(S.rescoreNeeded).waitFor({ timeout: 10000 });

  // Back to Score with the workbook policy, rescore: the new bucket labels replace 1-30. (Only open debit items are
  // aged, and the samples' are all within 90 days, so the split of 1-30 is what shows on the sheet.)
  await openView(t, S.tabScore);
  const preset = pane(t.page).getByLabel(S.presetLabel);
  if ((await preset.inputValue()) !== "workbook") await preset.selectOption("workbook");
  // Bucket labels are in the display language (spec §4 v2): 1-15 / 1-15天.
  const day = lang === "zh" ? "天" : "";
  const split = [`1-15${day}`, `16-30${day}`];
  const after = await score(t, S, sheet, {
    done: (v) => v.slice(1).some((r) => split.includes(r[v[0].indexOf(H[2])])),
  });
  const buckets = new Set(after.slice(1).map((r) => r[after[0].indexOf(H[2])]));
  t.assert.ok(buckets.has(split[0]) || buckets.has(split[1]), `buckets ${[...buckets].join(", ")}`);
  t.assert.strictEqual(await pane(t.page).getByText(S.rescoreNeeded).count(), 0, "re-score mark cleared");
  t.assert.ok(!buckets.has(`1-30${day}`), "old 1-30 bucket gone");
  t.assert.deepStrictEqual(t.consoleErrors, []);
}

/** The flows run under every host profile of the e2e matrix (test/e2e/run.js). */
const PROFILED = [
  "issue 4: Score this sheet writes the risk columns, summary and formats",
  "issue 5: score, customers, collections, policy, rescore (English)",
  "issue 5: score, customers, collections, policy, rescore (Chinese)",
];

module.exports = {
  profiled: PROFILED,
  /** Shared with other specs (an object, so the runner does not take it for a test). */
  helpers: { STRINGS, OUTPUT_HEADERS, openPane, score, getValues },

  async "issue 4: Score this sheet writes the risk columns, summary and formats"(t) {
    const S = await openPane(t, "en");
    const original = await getValues(t.page, "Invoices");
    const width = original[0].filter((h) => h !== "").length;
    t.assert.ok(width >= 9, `original header width ${width}`);
    t.assert.strictEqual(await activeSheet(t.page), "Invoices");
    const H = OUTPUT_HEADERS.en;
    const v = await score(t, S, "Invoices", { done: (vals) => vals[0].includes(H[3]) });
    // The engine step ran in the pane's Web Worker (a same-origin script the page's CSP allows).
    t.assert.ok(
      t.requests.some((u) => /\/credit-risk-scoring\.js(\?|$)/.test(u)),
      "the scoring worker was loaded",
    );

    const idx = headerIndex(v, H);
    idx.forEach((i, k) => t.assert.ok(i >= width, `"${H[k]}" at column ${i}, right of the data`));
    t.assert.deepStrictEqual(
      [...idx].sort((a, b) => a - b),
      idx,
      "output headers in order",
    );
    const [bal, dpd, bucket, scoreCol, grade] = idx;
    const data = v.slice(1).filter((r) => r.slice(0, width).some((x) => x !== ""));
    t.assert.ok(data.length > 5, `${data.length} data rows`);
    const scored = data.filter((r) => r[bal] !== "");
    t.assert.ok(scored.length > data.length / 2, `${scored.length} rows scored`);
    for (const r of scored) {
      t.assert.strictEqual(typeof r[bal], "number", `open balance ${r[bal]}`);
      // Spec v2: only open debit items are aged; closed rows and unapplied credit get no days past due or bucket.
      if (r[bal] > 0) {
        t.assert.ok(typeof r[dpd] === "number", `days past due ${r[dpd]}`);
        t.assert.match(String(r[bucket]), BUCKET_RE);
      } else {
        t.assert.strictEqual(r[dpd], "", `no days past due on a closed/credit row`);
        t.assert.strictEqual(r[bucket], "");
      }
      if (r[scoreCol] !== "") t.assert.strictEqual(typeof r[scoreCol], "number");
      if (r[grade] !== "") t.assert.match(String(r[grade]), /^[A-E]$/);
    }
    t.assert.ok(
      scored.some((r) => r[bucket] === "91+" || r[bucket] === "61-90"),
      "some overdue bucket",
    );

    // Columns A..I are unchanged.
    for (let row = 0; row < original.length; row++)
      t.assert.deepStrictEqual(
        v[row].slice(0, 9),
        original[row].slice(0, 9),
        `row ${row + 1} A..I unchanged`,
      );

    const names = await t.page.evaluate(() => window.playground.sheetNames());
    t.assert.ok(names.includes("Credit Risk Summary"), `sheets ${names.join(", ")}`);
    const formats = await t.page.evaluate(() => window.playground.getConditionalFormats("Invoices"));
    t.assert.ok(Array.isArray(formats) && formats.length > 0, "conditional formats added");

    // The highlight rules visibly paint: the Aging Bucket cells take the green-to-red bucket colours and the
    // rows with a breach are tinted (light red #FDE2E1), as in Excel. Scroll the grid to the first open invoices
    // (the sample's first rows are settled) and right, so that our columns render.
    const firstOpen = v.findIndex((r, i) => i > 0 && r[bucket] !== "");
    await t.page.evaluate(
      ({ row }) => {
        const grid = document.querySelector('[role="grid"]');
        grid.scrollLeft = grid.scrollWidth;
        grid.scrollTop = Math.max(0, (row - 2) * 22);
      },
      { row: firstOpen },
    );
    await t.page.waitForFunction(
      ({ row, col }) =>
        document.querySelector(`[role="gridcell"][data-row="${row}"][data-col="${col}"]`) !== null,
      { row: firstOpen, col: bucket },
    );
    await t.page.waitForTimeout(100);
    const painted = await t.page.evaluate(
      ({ col }) =>
        [...document.querySelectorAll(`[role="gridcell"][data-col="${col}"]`)]
          .filter((e) => e.textContent !== "" && Number(e.getAttribute("data-row")) > 0)
          .map((e) => [e.textContent, window.getComputedStyle(e).backgroundColor]),
      { col: bucket },
    );
    const plain = new Set(["rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"]);
    t.assert.ok(painted.length > 0, "bucket cells rendered");
    for (const [label, colour] of painted)
      t.assert.ok(!plain.has(colour), `bucket ${label} painted (${colour})`);
    // The breach tint spans the source rows up to our last column.
    const tinted = await t.page.evaluate(() =>
      [...document.querySelectorAll('[role="gridcell"]')].some(
        (e) => window.getComputedStyle(e).backgroundColor === "rgb(253, 226, 225)",
      ),
    );
    t.assert.ok(tinted, "breach rows tinted");
    if (!t.profile || (t.profile.platform === "windows" && !t.profile.excelApi))
      await t.screenshot("playground-highlights.png");
    t.assert.deepStrictEqual(t.consoleErrors, []);
  },

  async "issue 5: score, customers, collections, policy, rescore (English)"(t) {
    await loop(t, "en");
  },

  async "issue 5: score, customers, collections, policy, rescore (Chinese)"(t) {
    await loop(t, "zh");
  },

  async "keyboard only: Score button and tab switching"(t) {
    const S = await openPane(t, "en");
    await score(t, S, "Invoices", { keyboard: true, done: (v) => v[0].includes("Aging Bucket") });
    // Focus stayed on the control that started the run (it never dropped to the page body).
    t.assert.ok(
      await pane(t.page)
        .getByRole("button", exact(S.scoreButton))
        .evaluate((e) => e === document.activeElement),
      "focus is on Score this sheet after the run",
    );
    const tabs = pane(t.page).getByRole("tab");
    const selected = () =>
      t.page.$eval('[data-taskpane] [role="tab"][aria-selected="true"]', (e) => e.textContent);
    await pane(t.page).getByRole("tab", exact(S.tabScore)).focus();
    await t.page.keyboard.press("ArrowRight");
    await t.page.keyboard.press("Enter");
    t.assert.strictEqual(await selected(), S.tabCustomers);
    t.assert.ok(await tabs.nth(1).evaluate((e) => e === document.activeElement), "focus on Customers tab");
    // The customer list is one tab stop: Tab from the sort controls lands on the first customer, ArrowDown moves.
    const items = pane(t.page).locator("li[data-customer] > button");
    await items.first().waitFor();
    await pane(t.page).getByRole("button", exact(S.sortReverse)).focus();
    await t.page.keyboard.press("Tab");
    t.assert.ok(
      await items.nth(0).evaluate((e) => e === document.activeElement),
      "Tab lands on the first customer",
    );
    await t.page.keyboard.press("ArrowDown");
    t.assert.ok(
      await items.nth(1).evaluate((e) => e === document.activeElement),
      "ArrowDown: second customer",
    );
    const before = await t.page.locator("output").first().textContent();
    await t.page.keyboard.press("Enter");
    await t.page.waitForFunction((b) => document.querySelector("output")?.textContent !== b, before, {
      timeout: 5000,
    });
    t.assert.ok(
      await items.nth(1).evaluate((e) => e === document.activeElement),
      "focus stays on the customer",
    );
    t.assert.strictEqual(await items.nth(1).getAttribute("aria-expanded"), "true");
    await pane(t.page).getByRole("tab", exact(S.tabCustomers)).focus();
    await t.page.keyboard.press("ArrowRight");
    await t.page.keyboard.press("ArrowRight");
    await t.page.keyboard.press("Enter");
    t.assert.strictEqual(await selected(), S.tabMonitoring);
    await t.page.keyboard.press("End");
    await t.page.keyboard.press("Enter");
    t.assert.strictEqual(await selected(), S.tabPolicy);
    await t.page.keyboard.press("Home");
    await t.page.keyboard.press("Space");
    t.assert.strictEqual(await selected(), S.tabScore);
  },

  async "axe: no serious or critical violations in any pane view; pane screenshots"(t) {
    const S = await openPane(t, "en");
    // Two runs (as of 30 days earlier, then today) so that Monitoring has movers to show.
    const asOf = pane(t.page).getByLabel(S.asOfLabel, { exact: true });
    const today = await asOf.inputValue();
    const earlier = new Date(Date.parse(`${today}T00:00:00Z`) - 30 * 86400000).toISOString().slice(0, 10);
    await asOf.fill(earlier);
    const first = JSON.stringify(
      await score(t, S, "Invoices", { done: (v) => v[0].includes("Aging Bucket") }),
    );
    await asOf.fill(today);
    await score(t, S, "Invoices", { done: (v) => JSON.stringify(v) !== first });
    await pane(t.page).getByText(`Invoices, as of ${today}`).waitFor();
    // The page's CSP (script-src 'self') blocks addScriptTag({ path }) (an inline script), so axe is served from
    // the page's own origin through a route instead.
    await t.page.route("**/__e2e/axe.min.js", (route) =>
      route.fulfill({ contentType: "text/javascript", body: fs.readFileSync(AXE, "utf8") }),
    );
    await t.page.addScriptTag({ url: `${t.baseUrl}/__e2e/axe.min.js` });
    const views = [
      ["score", S.tabScore],
      ["customers", S.tabCustomers],
      ["collections", S.tabCollections],
      ["monitoring", S.tabMonitoring],
      ["policy", S.tabPolicy],
    ];
    const failures = [];
    const summary = [];
    for (const [id, tab] of views) {
      await openView(t, tab);
      await t.page.waitForTimeout(150);
      await paneShot(t.page, `pane-${id}.png`);
      const violations = await t.page.evaluate(async () => {
        // Fluent UI's Tabster focus sentinels (<i data-tabster-dummy tabindex=0 aria-hidden>) are excluded: they
        // forward focus as soon as they receive it, and axe's aria-hidden-focus rule cannot know that.
        const context = { include: [["[data-taskpane]"]], exclude: [["[data-tabster-dummy]"]] };
        const r = await axe.run(context, { resultTypes: ["violations"] });
        return r.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.length,
          target: v.nodes[0] && v.nodes[0].target.join(" "),
        }));
      });
      const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      summary.push(`${id}: ${violations.map((v) => `${v.id} [${v.impact}]`).join(", ") || "none"}`);
      for (const v of bad) failures.push(`${id}: ${v.id} [${v.impact}] ×${v.nodes} e.g. ${v.target}`);
    }
    console.log(`    axe: ${summary.join("; ")}`);
    t.assert.ok(failures.length === 0, `serious/critical axe violations: ${failures.join("; ")}`);
  },
};
