/**
 * Playground specs (run by test/e2e/run.js). Each export is one test receiving the runner's `t`.
 */
"use strict";
/* global window, document, getComputedStyle, requestAnimationFrame -- evaluated in the browser page */

const ENGLISH_CUSTOMERS = [
  "Northwind Traders Ltd",
  "Contoso Manufacturing Inc",
  "Fabrikam Industries",
  "Adventure Works Cycles",
  "Tailspin Toys",
  "Wide World Importers",
  "Litware Inc",
  "Proseware Inc",
  "Alpine Ski House",
  "Coho Winery",
  "Blue Yonder Airlines",
  "Fourth Coffee",
  "Lucerne Publishing",
  "Greenfield Packaging Ltd",
  "Summit Steel Fabricators",
  "Redwood Furniture Co",
  "Bayside Electrical Supplies",
  "Meridian Foods plc",
  "Atlas Hydraulics GmbH",
  "Silverline Plastics BV",
  "Keystone Building Materials",
  "Harbourview Shanghai Trading",
];

/** Texts of the rendered grid cells. */
const gridTexts = (page) => page.$$eval('[role="gridcell"]', (els) => els.map((e) => e.textContent));

module.exports = {
  async "page loads without console errors"(t) {
    await t.open("/playground.html");
    await t.waitReady();
    await t.page.waitForTimeout(300);
    t.assert.deepStrictEqual(t.consoleErrors, []);
    t.assert.ok(t.requests.every((u) => u.startsWith(t.baseUrl) || /^(data|blob):/.test(u)));
  },

  async "the task pane renders its heading"(t) {
    await t.open("/playground.html");
    await t.waitReady();
    const heading = await t.page.waitForSelector("[data-taskpane] h1", { timeout: 15000 });
    t.assert.match(await heading.textContent(), /Credit Risk Toolkit/);
    const width = await t.page.$eval("[data-taskpane]", (e) => e.getBoundingClientRect().width);
    t.assert.ok(width >= 300 && width <= 400, `pane width ${width}`);
  },

  async "the grid shows the English sample"(t) {
    await t.open("/playground.html");
    await t.waitReady();
    await t.page.waitForSelector('[role="gridcell"]');
    const texts = await gridTexts(t.page);
    for (const h of ["Customer", "Invoice No", "Invoice Date", "Terms", "Amount", "Status"]) {
      t.assert.ok(texts.includes(h), `header ${h} visible`);
    }
    t.assert.ok(
      texts.some((x) => ENGLISH_CUSTOMERS.includes(x)),
      "a sample customer is visible",
    );
    const cols = await t.page.$$eval('[role="columnheader"]', (els) => els.map((e) => e.textContent));
    t.assert.deepStrictEqual(cols.slice(0, 3), ["A", "B", "C"]);
    const tabs = await t.page.$$eval('[role="tab"]', (els) => els.map((e) => e.textContent));
    t.assert.deepStrictEqual(tabs.slice(0, 2), ["Invoices", "Customers"]);
    // Only the visible window is in the DOM.
    t.assert.ok(texts.length < 1500, `${texts.length} cells rendered`);
    await t.screenshot("playground.png");
  },

  async "clicking a cell shows it in the formula bar"(t) {
    await t.open("/playground.html");
    await t.waitReady();
    await t.page.click('[role="gridcell"][data-row="1"][data-col="0"]');
    const address = await t.page.textContent('output[aria-label="Selected cell"]');
    t.assert.strictEqual(address, "A2");
    const cellText = await t.page.textContent('[role="gridcell"][data-row="1"][data-col="0"]');
    t.assert.strictEqual(await t.page.inputValue('input[aria-label="Formula bar"]'), cellText);
    await t.page.keyboard.press("ArrowDown");
    t.assert.strictEqual(await t.page.textContent('output[aria-label="Selected cell"]'), "A3");
  },

  async "the automation hook loads and reads a workbook"(t) {
    await t.open("/playground.html");
    await t.waitReady();
    const result = await t.page.evaluate(async () => {
      const pg = window.playground;
      await pg.ready;
      pg.loadWorkbook([
        {
          name: "Data",
          values: [
            ["Customer", "Amount"],
            ["Acme Ltd", 1200.5],
            [true, null],
          ],
        },
        { name: "Second", values: [["x"]] },
      ]);
      return { values: pg.getValues("Data"), names: pg.sheetNames(), stats: pg.stats() };
    });
    t.assert.deepStrictEqual(result.values, [
      ["Customer", "Amount"],
      ["Acme Ltd", 1200.5],
      [true, ""],
    ]);
    t.assert.deepStrictEqual(result.names.slice(0, 2), ["Data", "Second"]);
    for (const k of ["syncs", "requestBytes", "maxRequestBytes"])
      t.assert.strictEqual(typeof result.stats[k], "number");
    await t.page.waitForSelector('[role="gridcell"]:has-text("Acme Ltd")');
    const activeTab = await t.page.textContent('[role="tab"][aria-selected="true"]');
    t.assert.strictEqual(activeTab, "Data");
  },

  async "an AR.DUEDATE formula cell evaluates"(t) {
    await t.open("/playground.html");
    await t.waitReady();
    const values = await t.page.evaluate(() => {
      window.playground.loadWorkbook([
        { name: "F", values: [[45672, '=AR.DUEDATE(A1,"Net 30")', '=AR.DUEDATE(A1,"nonsense")']] },
      ]);
      return window.playground.getValues("F");
    });
    t.assert.strictEqual(values[0][1], 45702);
    t.assert.strictEqual(values[0][2], "#VALUE!");
  },

  async "AR.* cells get empty cells and errors as the ?platform= host passes them"(t) {
    const sheet = [
      [
        "",
        "#N/A",
        "=AR.RISKGRADE(A1)",
        "=AR.RISKGRADE(B1)",
        "=AR.CREDITSCORE(A1, 0.5)",
        "=AR.PAYINDEX(A1:A2, G1:G2)",
        "",
      ],
      [15, "", "", "", "", "", 100],
    ];
    const results = {};
    for (const platform of ["windows", "web"]) {
      await t.open(`/playground.html?platform=${platform}`);
      await t.waitReady();
      results[platform] = await t.page.evaluate((values) => {
        window.playground.loadWorkbook([{ name: "F", values }]);
        return window.playground.getValues("F")[0].slice(2, 6);
      }, sheet);
    }
    // An error argument is shown by the cell (the function is never called with it): #N/A, not #VALUE!.
    // An empty score is 0 → E on every host. CREDITSCORE: desktop passes the empty days as 0 (on time: 80 ×40 +
    // 100 ×20 = 5200/60 → 87); the web passes null, not given (utilisation alone → 100).
    // PAYINDEX: the empty days cell A1 arrives as 0 in the range, but its amount G1 is empty (0 as well): that row
    // weighs nothing, leaving the invoice 15 days late → 70.
    t.assert.deepStrictEqual(results.windows, ["E", "#N/A", 87, 70]);
    t.assert.deepStrictEqual(results.web, ["E", "#N/A", 100, 70]);
    t.assert.deepStrictEqual(t.consoleErrors, []);
  },

  async "?lang=zh-CN shows the Chinese UI and sample"(t) {
    await t.open("/playground.html?lang=zh-CN");
    await t.waitReady();
    await t.page.waitForSelector("text=演练场");
    const heading = await t.page.waitForSelector("[data-taskpane] h1", { timeout: 15000 });
    t.assert.match(await heading.textContent(), /信用风险/);
    const texts = await gridTexts(t.page);
    t.assert.ok(texts.includes("客户名称"), "Chinese header visible");
    t.assert.ok(
      texts.some((x) => /有限公司$/.test(x)),
      "a Chinese customer visible",
    );
    t.assert.deepStrictEqual(t.consoleErrors, []);
    await t.screenshot("playground-zh.png");
  },

  async "dark theme renders"(t) {
    await t.open("/playground.html?theme=dark");
    await t.waitReady();
    const bg = await t.page.$eval('[role="grid"]', (e) => getComputedStyle(e).backgroundColor);
    t.assert.notStrictEqual(bg, "rgb(255, 255, 255)");
    await t.screenshot("playground-dark.png");
  },

  async "the 100,000-row sample scrolls to the last row"(t) {
    await t.open("/playground.html?sample=large");
    await t.waitReady(120000);
    await t.page.waitForFunction(
      () => Number(document.querySelector('[role="grid"]')?.getAttribute("aria-rowcount")) > 100000,
      null,
      {
        timeout: 60000,
      },
    );
    await t.page.$eval('[role="grid"]', (g) => {
      g.scrollTop = g.scrollHeight;
    });
    await t.page.waitForSelector('[role="rowheader"]:text-is("100001")', { timeout: 10000 });
    const cells = await t.page.$$eval('[role="gridcell"]', (els) => els.length);
    t.assert.ok(cells < 1500, `${cells} cells rendered`);
    const last = await t.page.textContent('[role="gridcell"][data-row="100000"][data-col="1"]');
    t.assert.strictEqual(last, "L-100000");
  },

  async "typing a formula in the formula bar evaluates it in the grid"(t) {
    await t.open("/playground.html");
    await t.waitReady();
    await t.page.evaluate(() => window.playground.loadWorkbook([{ name: "Edit", values: [[45672]] }]));
    await t.page.click('[role="gridcell"][data-row="0"][data-col="1"]');
    await t.page.fill('input[aria-label="Formula bar"]', '=AR.DUEDATE(A1,"Net 60")');
    await t.page.press('input[aria-label="Formula bar"]', "Enter");
    await t.page.waitForFunction(
      // 45732 = 2025-03-16: AR.DUEDATE's result takes the short date as Excel's autoformat gives a date function.
      () =>
        document.querySelector('[role="gridcell"][data-row="0"][data-col="1"]')?.textContent === "3/16/2025",
    );
    const values = await t.page.evaluate(() => window.playground.getValues("Edit"));
    t.assert.deepStrictEqual(values, [[45672, 45732]]);
    const formulas = await t.page.evaluate(() => window.playground.getFormulas("Edit"));
    t.assert.strictEqual(formulas[0][1], '=AR.DUEDATE(A1,"Net 60")');
  },

  // How fast a scroll step is, is measured by `npm run bench` (scripts/bench-fullsheet.ts, "scroll"), not asserted.
  async "the sample picker loads 100,000 rows and the grid draws only what is visible while scrolling"(t) {
    await t.open("/playground.html");
    await t.waitReady();
    await t.page.selectOption('[data-testid="sample-picker"]', "large");
    await t.page.waitForFunction(
      () => Number(document.querySelector('[role="grid"]')?.getAttribute("aria-rowcount")) > 100000,
      null,
      {
        timeout: 60000,
      },
    );
    const drawn = await t.page.evaluate(async () => {
      const grid = document.querySelector('[role="grid"]');
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      let maxCells = 0;
      let lastRow = 0;
      for (let i = 1; i <= 40; i++) {
        grid.scrollTop = (grid.scrollHeight * i) / 41;
        await frame();
        await frame();
        maxCells = Math.max(maxCells, grid.querySelectorAll('[role="gridcell"]').length);
        const rows = [...grid.querySelectorAll("[data-row]")].map(
          (c) => Number(c.getAttribute("data-row")) + 1,
        );
        lastRow = Math.max(lastRow, ...rows);
      }
      return { maxCells, lastRow };
    });
    t.assert.ok(drawn.maxCells < 1500, `${drawn.maxCells} cells drawn at once`);
    t.assert.ok(drawn.lastRow > 95000, `scrolling reached row ${drawn.lastRow}`);
    t.assert.match(await t.page.url(), /sample=large/);
    t.assert.deepStrictEqual(t.consoleErrors, []);
  },
};
