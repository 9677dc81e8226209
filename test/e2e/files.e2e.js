/**
 * Bring your own workbook in the browser (issue 12): open an .xlsx built from the English golden workbook through the
 * "Open…" file input, score it with the pane, save it (the download is captured), check the saved package with
 * ExcelJS's Node build, and open it again; a CSV dropped onto the grid; refused files in English and Chinese leave
 * the workbook as it was.
 */
"use strict";
/* global window, DataTransfer, File -- evaluated in the browser page */

const fs = require("fs");
const os = require("os");
const path = require("path");
const ExcelJS = require("exceljs");
const { helpers } = require("./flows.e2e");

const ROOT = path.resolve(__dirname, "..", "..");
const GOLDEN = path.join(ROOT, "test", "fixtures", "golden", "english-erp", "input.json");
const LEGACY_XLS = path.join(ROOT, "test", "fixtures", "files", "legacy-excel97.xls");
const GB_CSV = path.join(ROOT, "test", "fixtures", "files", "应收账款-gb18030.csv");
const { OUTPUT_HEADERS, openPane, score, getValues } = helpers;

/** The golden English ERP workbook as an .xlsx another application would write (dates as date-formatted serials). */
async function goldenXlsx(dir) {
  const input = JSON.parse(fs.readFileSync(GOLDEN, "utf8"));
  const wb = new ExcelJS.Workbook();
  for (const sheet of input.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === "") return;
        const cell = ws.getCell(r + 1, c + 1);
        const header = String(sheet.values[0][c] ?? "");
        if (r > 0 && typeof v === "number" && /date/i.test(header)) {
          cell.value = new Date(Math.round((v - 25569) * 86400000));
          cell.numFmt = "yyyy-mm-dd";
        } else cell.value = v;
      }),
    );
  }
  const file = path.join(dir, "ar-ledger.xlsx");
  await wb.xlsx.writeFile(file);
  return { file, input };
}

const sheetNames = (page) => page.evaluate(() => window.playground.sheetNames());
const notice = (page) => page.locator('[data-testid="file-notice"]');

/** Sets a file on the hidden input and waits until the workbook's sheets are `expected` (or a notice shows). */
async function openThroughInput(page, file, expectedSheets) {
  await page.setInputFiles('[data-testid="open-file"]', file);
  await page.waitForFunction(
    (names) => JSON.stringify(window.playground.sheetNames()) === JSON.stringify(names),
    expectedSheets,
    { timeout: 30000 },
  );
}

module.exports = {
  async "issue 12: open a golden .xlsx, score it, save it, open the saved file again"(t) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crt-e2e-files-"));
    const { file, input } = await goldenXlsx(dir);
    const S = await openPane(t, "en");
    await openThroughInput(t.page, file, ["AR Ledger", "Customers"]);
    // The analyst's cells arrive as the file holds them (dates as serial numbers).
    const opened = await getValues(t.page, "AR Ledger");
    t.assert.deepStrictEqual(opened.slice(0, 3), input.sheets[0].values.slice(0, 3));
    t.assert.strictEqual(await t.page.locator('[data-testid="sample-picker"]').inputValue(), "");

    const scored = await score(t, S, "AR Ledger", { done: (v) => v[0].includes("Risk Grade") });
    for (const h of OUTPUT_HEADERS.en) t.assert.ok(scored[0].includes(h), `column ${h} written`);
    t.assert.deepStrictEqual(
      scored.map((row) => row.slice(0, 10)),
      input.sheets[0].values.map((row) => row.slice(0, 10)),
      "the analyst's cells are unchanged",
    );
    const before = await sheetNames(t.page);
    t.assert.ok(before.includes("Credit Risk Summary"), `summary sheet in ${before}`);

    const [download] = await Promise.all([
      t.page.waitForEvent("download", { timeout: 60000 }),
      t.page.click('[data-testid="save-button"]'),
    ]);
    t.assert.strictEqual(download.suggestedFilename(), "ar-ledger.xlsx");
    const saved = path.join(dir, "saved.xlsx");
    await download.saveAs(saved);
    // The save says what the file cannot carry (the summary's chart) — nothing dropped silently.
    await notice(t.page).waitFor({ timeout: 10000 });
    t.assert.match(await notice(t.page).innerText(), /chart/i);

    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(saved);
    const names = back.worksheets.map((w) => w.name);
    t.assert.deepStrictEqual([...names].sort(), [...before].sort());
    const history = back.worksheets.find((w) => w.name === "CRT_History");
    t.assert.ok(history && history.state !== "visible", "history sheet saved hidden");

    // Reopen the saved file: the scored sheet reads back as it was before saving.
    await openThroughInput(t.page, saved, before);
    t.assert.deepStrictEqual(await getValues(t.page, "AR Ledger"), scored);
    t.assert.deepStrictEqual(t.consoleErrors, []);
    fs.rmSync(dir, { recursive: true, force: true });
  },

  async "issue 12: a CSV dropped onto the grid opens (GB18030, semicolons)"(t) {
    await openPane(t, "en");
    const gbBytes = Array.from(fs.readFileSync(GB_CSV));
    const grid = t.page.locator('section[aria-label="Worksheet"]');
    const dt = await t.page.evaluateHandle((b) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(b)], "应收账款.csv", { type: "text/csv" }));
      return transfer;
    }, gbBytes);
    await grid.dispatchEvent("dragover", { dataTransfer: dt });
    await grid.dispatchEvent("drop", { dataTransfer: dt });
    await t.page.waitForFunction(() => window.playground.sheetNames()[0] === "应收账款", null, {
      timeout: 15000,
    });
    t.assert.deepStrictEqual(await getValues(t.page, "应收账款"), [
      ["客户名称", "发票号", "金额"],
      ["华东机电有限公司", "FP-001", 1200.5],
    ]);
    t.assert.match(await notice(t.page).innerText(), /GB18030/i);
  },

  async "issue 12: a legacy .xls is refused with a message and the workbook is untouched (English, Chinese)"(
    t,
  ) {
    for (const lang of ["en", "zh"]) {
      await openPane(t, lang);
      const before = await sheetNames(t.page);
      const values = await getValues(t.page, before[0]);
      await t.page.setInputFiles('[data-testid="open-file"]', LEGACY_XLS);
      const alert = t.page.locator('[data-testid="file-notice"][role="alert"]');
      await alert.waitFor({ timeout: 15000 });
      t.assert.match(await alert.innerText(), lang === "zh" ? /旧版 Excel 97–2003/ : /legacy Excel 97–2003/);
      t.assert.deepStrictEqual(await sheetNames(t.page), before);
      t.assert.deepStrictEqual(await getValues(t.page, before[0]), values);
    }
  },
};
