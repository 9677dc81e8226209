/**
 * The playground's grid in the browser (run by test/e2e/run.js), issue 11: F6 / Shift+F6 / Ctrl+F6 between the grid,
 * the task pane and the top bar with a keyboard-only scoring run; a selection made through Office.js
 * (`Range.select()`, what the pane's services.selectCell does) scrolled into view; typing in a cell with the `=AR.`
 * autocomplete, Esc, F2, the date autoformat, the number-format picker and a custom function's error message; the
 * summary's chart drawn after scoring; the top bar wrapping at 600 px.
 */
"use strict";
/* global window, document, getComputedStyle, Excel -- evaluated in the browser page */

const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..", "..");

/** One string of the pane's table for `lang` (src/taskpane/strings.ts: EN first, then ZH). */
function paneString(key, lang = "en") {
  const src = fs.readFileSync(path.join(ROOT, "src", "taskpane", "strings.ts"), "utf8");
  const zhAt = src.indexOf("const ZH");
  const part = lang === "zh" ? src.slice(zhAt) : src.slice(0, zhAt);
  const m = new RegExp(`^\\s+${key}:\\s*"((?:[^"\\\\]|\\\\.)*)"`, "m").exec(part);
  if (!m) throw new Error(`no pane string ${key}`);
  return JSON.parse(`"${m[1]}"`);
}

/** Where the focus is: "grid", "pane", "top" or the active element's tag. */
const focusRegion = (page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return "body";
    if (a.closest("[data-taskpane]")) return "pane";
    if (a.closest("[data-pg-top]")) return "top";
    if (a.matches('[role="grid"]')) return "grid";
    return a.tagName.toLowerCase();
  });

/** Accessible text of the focused element (aria-label, else its text). */
const focusedName = (page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    return a ? (a.getAttribute("aria-label") || a.textContent || "").trim() : "";
  });

/** Presses Tab until the focused control is named `name` (at most `max` presses); fails otherwise. */
async function tabTo(t, name, max = 60) {
  for (let i = 0; i < max; i++) {
    if ((await focusedName(t.page)) === name) return;
    await t.page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached "${name}" (focus on "${await focusedName(t.page)}")`);
}

const cell = (page, row, col) => page.locator(`[role="gridcell"][data-row="${row}"][data-col="${col}"]`);
const cellText = (page, row, col) => cell(page, row, col).textContent();

async function waitCellText(t, row, col, text) {
  await t.page.waitForFunction(
    ([r, c, x]) =>
      document.querySelector(`[role="gridcell"][data-row="${r}"][data-col="${c}"]`)?.textContent === x,
    [row, col, text],
    { timeout: 10000 },
  );
}

module.exports = {
  async "grid: keyboard only: F6 reaches the pane, the sample is scored with the keyboard, F6 / Shift+F6 return to the grid"(
    t,
  ) {
    await t.open("/playground.html");
    await t.waitReady();
    const scoreButton = paneString("scoreButton");
    await t.page
      .locator("[data-taskpane]")
      .getByRole("button", { name: scoreButton, exact: true })
      .waitFor({ timeout: 30000 });
    // From page load (focus on the body), F6 enters the worksheet, then the task pane.
    await t.page.keyboard.press("F6");
    t.assert.strictEqual(await focusRegion(t.page), "grid");
    // The grid draws a visible focus outline while it has the focus.
    const ring = t.page.locator("[data-focus-ring]");
    t.assert.ok(await ring.isVisible(), "the grid's focus ring is shown");
    const shadow = await ring.evaluate((r) => getComputedStyle(r).boxShadow);
    t.assert.match(shadow, /inset/, `grid focus ring: ${shadow}`);
    await t.screenshot("playground-grid-focus.png");
    await t.page.keyboard.press("F6");
    t.assert.strictEqual(await focusRegion(t.page), "pane");

    // Score with the keyboard only: Tab to the button, Enter; confirm the mapping the same way when asked.
    await tabTo(t, scoreButton);
    await t.page.keyboard.press("Enter");
    const confirm = paneString("mappingConfirm");
    const clear = t.page.locator("[data-taskpane]").getByRole("button", { name: paneString("clearResults") });
    const deadline = Date.now() + 60000;
    while ((await clear.count()) === 0) {
      if (Date.now() > deadline) throw new Error("scoring did not finish");
      const asking = t.page.locator("[data-taskpane]").getByRole("button", { name: confirm, exact: true });
      if ((await asking.count()) > 0 && (await asking.isEnabled())) {
        if ((await focusRegion(t.page)) !== "pane") await t.page.keyboard.press("F6");
        await tabTo(t, confirm);
        await t.page.keyboard.press("Enter");
      }
      await t.page.waitForTimeout(200);
    }
    const values = await t.page.evaluate(() => window.playground.getValues("Invoices"));
    t.assert.ok(values[0].includes("Aging Bucket"), "the sheet was scored");

    // Back in the pane (F6 enters it when the run left the focus elsewhere), Shift+F6 goes straight to the grid …
    for (let i = 0; i < 3 && (await focusRegion(t.page)) !== "pane"; i++) await t.page.keyboard.press("F6");
    t.assert.strictEqual(await focusRegion(t.page), "pane");
    const inPane = await focusedName(t.page);
    await t.page.keyboard.press("Shift+F6");
    t.assert.strictEqual(await focusRegion(t.page), "grid");
    // … F6 returns to the control that had the focus in the pane, then the top bar, then the grid again.
    await t.page.keyboard.press("F6");
    t.assert.strictEqual(await focusRegion(t.page), "pane");
    t.assert.strictEqual(await focusedName(t.page), inPane);
    await t.page.keyboard.press("F6");
    t.assert.strictEqual(await focusRegion(t.page), "top");
    await t.page.keyboard.press("F6");
    t.assert.strictEqual(await focusRegion(t.page), "grid");
    // Ctrl+F6 moves as F6 does (Excel for the web's region key).
    await t.page.keyboard.press("Control+F6");
    t.assert.strictEqual(await focusRegion(t.page), "pane");
    // The keyboard works in the grid once it is back there.
    await t.page.keyboard.press("Shift+F6");
    await t.page.keyboard.press("Control+Home");
    await t.page.keyboard.press("ArrowDown");
    t.assert.strictEqual(await t.page.getAttribute('[role="grid"]', "data-selected"), "A2");
  },

  async "grid: a cell selected through Office.js (the pane's selectCell) far below the fold is scrolled into view"(
    t,
  ) {
    await t.open("/playground.html");
    await t.waitReady();
    const rows = [["Customer", "Amount"]];
    for (let i = 1; i < 3000; i++) rows.push([`C-${i}`, i]);
    await t.page.evaluate((values) => window.playground.loadWorkbook([{ name: "Long", values }]), rows);
    t.assert.strictEqual(await cell(t.page, 2500, 0).count(), 0, "row 2501 not drawn before the selection");
    // What src/excel/selection.ts selectAddress does for services.selectCell.
    await t.page.evaluate(() =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Long").getRange("B2501").select();
        await context.sync();
      }),
    );
    await t.page.waitForFunction(() => document.querySelector('[role="grid"]')?.dataset.selected === "B2501");
    const box = await cell(t.page, 2500, 1).boundingBox();
    const grid = await t.page.locator('[role="grid"]').boundingBox();
    t.assert.ok(box, "the selected cell is drawn");
    t.assert.ok(box.y >= grid.y && box.y + box.height <= grid.y + grid.height, "inside the grid's viewport");
    t.assert.strictEqual(await cellText(t.page, 2500, 1), "2500");
  },

  async "grid: a row the pane lists as unreadable, chosen in the pane, is scrolled into view in the grid"(t) {
    await t.open("/playground.html");
    await t.waitReady();
    const rows = [["Customer", "Invoice No", "Invoice Date", "Terms", "Amount"]];
    for (let i = 1; i < 400; i++)
      rows.push([
        `Customer ${i % 7}`,
        `INV-${i}`,
        i === 380 ? "not a date" : 45600 + (i % 60),
        "Net 30",
        100 + i,
      ]);
    await t.page.evaluate((values) => window.playground.loadWorkbook([{ name: "Ledger", values }]), rows);
    const pane = t.page.locator("[data-taskpane]");
    await pane.getByRole("button", { name: paneString("scoreButton"), exact: true }).click();
    const clear = pane.getByRole("button", { name: paneString("clearResults") });
    const confirm = pane.getByRole("button", { name: paneString("mappingConfirm"), exact: true });
    const deadline = Date.now() + 60000;
    while ((await clear.count()) === 0) {
      if (Date.now() > deadline) throw new Error("scoring did not finish");
      if ((await confirm.count()) > 0 && (await confirm.isEnabled())) await confirm.click();
      await t.page.waitForTimeout(200);
    }
    // The pane's entry for row 381 (sheet row of the 380th invoice) selects its cell through services.selectCell.
    const entry = pane.locator("[data-issues] button").filter({ hasText: "381" }).first();
    await entry.waitFor({ timeout: 10000 });
    const label = await entry.getAttribute("aria-label");
    const address = /([A-Z]+381)\b/.exec(label || "");
    t.assert.ok(address, `the entry names a cell of row 381: ${label}`);
    t.assert.strictEqual(await cell(t.page, 380, 2).count(), 0, "row 381 not drawn before");
    await entry.focus();
    await t.page.keyboard.press("Enter");
    await t.page.waitForFunction(
      (a) => document.querySelector('[role="grid"]')?.dataset.selected === a,
      address[1].replace(/^.*!/, ""),
    );
    const grid = await t.page.locator('[role="grid"]').boundingBox();
    const box = await cell(t.page, 380, 2).boundingBox();
    t.assert.ok(
      box && box.y >= grid.y && box.y + box.height <= grid.y + grid.height,
      "row 381 inside the viewport",
    );
    t.assert.strictEqual(await cellText(t.page, 380, 2), "not a date");
  },

  async "grid: typing in a cell: =AR. lists the functions with help, Tab inserts, Enter commits as a date, Esc and F2"(
    t,
  ) {
    await t.open("/playground.html");
    await t.waitReady();
    await t.page.evaluate(() =>
      window.playground.loadWorkbook([{ name: "Edit", values: [[45672, 1234.5]] }]),
    );
    await cell(t.page, 0, 2).click();
    await t.page.keyboard.type("=AR.");
    const list = t.page.locator("[data-function-list]");
    await list.waitFor();
    const items = await list.locator('[role="option"]').allTextContents();
    t.assert.ok(items.length >= 10, `${items.length} functions listed`);
    t.assert.ok(
      items.every((x) => x.startsWith("AR.")),
      "only the add-in's functions",
    );
    const due = items.find((x) => x.startsWith("AR.DUEDATE"));
    t.assert.ok(due && due.length > "AR.DUEDATE".length + 10, `one-line help shown: ${due}`);
    await t.page.keyboard.type("DUE");
    const narrowed = await list.locator('[role="option"]').allTextContents();
    t.assert.ok(narrowed.length >= 1 && narrowed.every((x) => x.startsWith("AR.DUE")), narrowed.join(" | "));
    t.assert.ok(narrowed[0].startsWith("AR.DUEDATE"), narrowed[0]);
    await t.page.keyboard.press("Tab");
    const editor = t.page.getByRole("combobox", { name: "Cell editor" });
    t.assert.strictEqual(await editor.inputValue(), "=AR.DUEDATE(");
    // Inside the parentheses, the argument list is shown.
    await t.page.locator("[data-function-hint]").waitFor();
    await t.page.keyboard.type('A1,"Net 60")');
    await t.page.keyboard.press("Enter");
    // 45672 + 60 = 45732 = 2025-03-16, shown with the en-US short date (Excel's date autoformat).
    await waitCellText(t, 0, 2, "3/16/2025");
    t.assert.strictEqual(await t.page.getAttribute('[role="grid"]', "data-selected"), "C2");
    const values = await t.page.evaluate(() => window.playground.getValues("Edit"));
    t.assert.deepStrictEqual(values[0], [45672, 1234.5, 45732]);

    // Esc cancels an entry: nothing written.
    await t.page.keyboard.type("99");
    await t.page.keyboard.press("Escape");
    t.assert.strictEqual(await cellText(t.page, 1, 2), "");
    // F2 edits the formula of C1.
    await t.page.keyboard.press("ArrowUp");
    await t.page.keyboard.press("F2");
    t.assert.strictEqual(await editor.inputValue(), '=AR.DUEDATE(A1,"Net 60")');
    await t.page.keyboard.press("Escape");

    // The number-format picker: Number on B1.
    await cell(t.page, 0, 1).click();
    await t.page.getByLabel("Number format").selectOption("number");
    await waitCellText(t, 0, 1, "1,234.50");

    // A custom function's error shows its own message in the error indicator.
    await cell(t.page, 2, 2).click();
    await t.page.keyboard.type('=AR.DUEDATE(A1,"Net sixty")');
    await t.page.keyboard.press("Enter");
    await waitCellText(t, 2, 2, "#VALUE!");
    await cell(t.page, 2, 2).click();
    await t.page.getByRole("button", { name: "Error message" }).click();
    const message = await t.page.locator("[data-error-message]").textContent();
    t.assert.match(message, /Net sixty/, `message: ${message}`);
  },

  async "grid: =AR. help follows the display language (Chinese)"(t) {
    await t.open("/playground.html?lang=zh-CN");
    await t.waitReady();
    await t.page.evaluate(() => window.playground.loadWorkbook([{ name: "Edit", values: [[45672]] }]));
    await cell(t.page, 0, 1).click();
    await t.page.keyboard.type("=AR.DUE");
    const item = await t.page.locator('[data-function-list] [role="option"]').first().textContent();
    t.assert.match(item, /^AR\.DUEDATE.*[\u4e00-\u9fff]/, item);
    await t.page.keyboard.press("Tab");
    await t.page.keyboard.type('A1,"Net 30")');
    await t.page.keyboard.press("Enter");
    // 45702 = 2025-02-14 in zh-CN's short date.
    await waitCellText(t, 0, 1, "2025/2/14");
  },

  async "grid: the summary's chart is drawn in the grid after scoring the sample"(t) {
    await t.open("/playground.html");
    await t.waitReady();
    const pane = t.page.locator("[data-taskpane]");
    const before = await t.page.evaluate(() => window.playground.sheetNames());
    await pane.getByRole("button", { name: paneString("scoreButton"), exact: true }).click();
    const clear = pane.getByRole("button", { name: paneString("clearResults") });
    const confirm = pane.getByRole("button", { name: paneString("mappingConfirm"), exact: true });
    const deadline = Date.now() + 60000;
    while ((await clear.count()) === 0) {
      if (Date.now() > deadline) throw new Error("scoring did not finish");
      if ((await confirm.count()) > 0 && (await confirm.isEnabled())) await confirm.click();
      await t.page.waitForTimeout(200);
    }
    // The sheet the run added and shows (hidden sheets, like the history, have no tab).
    const tabs = await t.page.locator("[data-pg-tabs] [role=tab]").allTextContents();
    const summary = tabs.find((n) => !before.includes(n));
    t.assert.ok(summary, `a new summary sheet among ${tabs.join(", ")}`);
    await t.page.locator("[data-pg-tabs]").getByRole("tab", { name: summary, exact: true }).click();
    const chart = t.page.locator("[data-chart-box]").first();
    await chart.waitFor({ timeout: 10000 });
    await chart.scrollIntoViewIfNeeded();
    t.assert.strictEqual(await chart.locator("[data-chart-area]").count(), 1);
    const bars = await chart
      .locator("[data-bar]")
      .evaluateAll((els) =>
        els.map((e) => ({ v: Number(e.getAttribute("data-value")), h: Number(e.getAttribute("height")) })),
      );
    t.assert.ok(bars.length >= 2, `${bars.length} bars`);
    t.assert.ok(
      bars.some((b) => b.v > 0 && b.h > 1),
      "a positive value draws a visible bar",
    );
    const title = await chart.locator("[data-chart-title]").textContent();
    t.assert.ok(title && title.length > 0, "the chart's title is drawn");
    await t.screenshot("playground-summary-chart.png");
  },

  async "grid: the top bar wraps at 600 px: no control is cut off"(t) {
    await t.page.setViewportSize({ width: 600, height: 800 });
    for (const lang of ["en-US", "zh-CN"]) {
      await t.open(`/playground.html?lang=${lang}`);
      await t.waitReady();
      const overflow = await t.page.$eval("[data-pg-top]", (h) => h.scrollWidth - h.clientWidth);
      t.assert.ok(overflow <= 0, `${lang}: top bar overflows by ${overflow}px`);
      for (const id of ["sample-picker", "lang-switch", "theme-switch"]) {
        const box = await t.page.getByTestId(id).boundingBox();
        t.assert.ok(
          box && box.x >= 0 && box.x + box.width <= 600,
          `${lang} ${id} inside 600 px: ${JSON.stringify(box)}`,
        );
      }
      await t.screenshot(`playground-600-${lang}.png`);
    }
  },
};
