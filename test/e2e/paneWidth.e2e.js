/**
 * The pane at Excel's task-pane widths (issue 11): 320 px and 350 px, English and Chinese, light and dark. Every view
 * (Score with its results and the column mapping open, Customers with a customer chosen, Collections, Monitoring,
 * Policy) must fit: no horizontal scroll on the pane, its root or any element inside it, and no element reaching past
 * the pane's right edge; short labels (tabs, buttons, badges, field labels) on one line — Chinese never broken
 * mid-word. The first click scores the sample (certain detection: no confirmation asked). Screenshots of every view
 * go to docs/screenshots/pane-<width>-<lang>[-dark]-<view>.png.
 *
 * The pane width is set on the playground's pane element (<aside data-taskpane>); the playground's own `?pane=N`
 * (another branch) does the same from the URL.
 */
"use strict";
/* global document, window -- evaluated in the browser page */

const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..", "..");
const SCREENSHOTS = path.join(ROOT, "docs", "screenshots");

function parseTable(source) {
  const table = {};
  for (const m of source.matchAll(/^\s+(\w+):\s*"((?:[^"\\]|\\.)*)",?\s*$/gm))
    table[m[1]] = JSON.parse(`"${m[2]}"`);
  return table;
}
const SRC = fs.readFileSync(path.join(ROOT, "src", "taskpane", "strings.ts"), "utf8");
const STRINGS = {
  en: parseTable(SRC.slice(0, SRC.indexOf("const ZH"))),
  zh: parseTable(SRC.slice(SRC.indexOf("const ZH"))),
};

const exact = (name) => ({ name, exact: true });
const pane = (page) => page.locator("[data-taskpane]");

/** Sets the pane element to `width` CSS pixels (as Excel's task pane would be). */
async function setPaneWidth(page, width) {
  await page.evaluate((w) => {
    const aside = document.querySelector("[data-taskpane]");
    aside.style.flex = `0 0 ${w}px`;
    aside.style.width = `${w}px`;
    aside.style.boxSizing = "border-box";
  }, width);
  await page.waitForTimeout(200);
}

/**
 * Everything that does not fit, measured in the page: the pane, its root and any element inside scrolling sideways
 * (scrollWidth > clientWidth, for elements that clip or scroll), elements reaching past the pane's right edge, and
 * short labels wrapped onto two lines.
 */
function measure(page) {
  return page.evaluate(() => {
    const aside = document.querySelector("[data-taskpane]");
    const root = aside.querySelector("[data-pane-root]");
    const problems = [];
    if (!root) return ["no [data-pane-root]"];
    const name = (el) => {
      const id = el.getAttribute("data-customer") || el.getAttribute("aria-label") || el.textContent || "";
      return `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? "." + el.className.split(" ")[0] : ""} "${id.trim().slice(0, 30)}"`;
    };
    if (aside.scrollWidth > aside.clientWidth)
      problems.push(`pane scrolls: ${aside.scrollWidth} > ${aside.clientWidth}`);
    if (root.scrollWidth > root.clientWidth)
      problems.push(`pane root scrolls: ${root.scrollWidth} > ${root.clientWidth}`);
    const right = aside.getBoundingClientRect().right;
    for (const el of root.querySelectorAll("*")) {
      const style = window.getComputedStyle(el);
      if (style.display === "none" || style.visibility === "hidden") continue;
      if (el.closest("[data-tabster-dummy]")) continue;
      const r = el.getBoundingClientRect();
      // Empty boxes and screen-reader-only text (a 1 × 1 px clipped box by design) take no room.
      if (r.width <= 1 && r.height <= 1) continue;
      if (r.right > right + 0.5)
        problems.push(`past the edge by ${Math.round(r.right - right)} px: ${name(el)}`);
      const clips = ["auto", "scroll", "hidden"].includes(style.overflowX);
      if (clips && el.scrollWidth > el.clientWidth + 1 && el.tagName !== "TEXTAREA")
        problems.push(`scrolls sideways ${el.scrollWidth} > ${el.clientWidth}: ${name(el)}`);
    }
    // Short labels stay on one line (Chinese: never one character per line).
    const labels = root.querySelectorAll('[role="tab"], button, .fui-Badge, label, th, dt');
    for (const el of labels) {
      const text = (el.textContent || "").trim();
      if (!text || text.length > 8 || el.offsetParent === null) continue;
      // The visible text only (Fluent's Tab keeps a hidden bold copy of its label to reserve its width).
      const tops = new Set();
      const walker = document.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const host = node.parentElement;
        const hs = host && window.getComputedStyle(host);
        if (!hs || hs.visibility === "hidden" || hs.display === "none" || host.offsetParent === null)
          continue;
        const box = host.getBoundingClientRect();
        if (box.width <= 1 && box.height <= 1) continue; // screen-reader-only text
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const q of range.getClientRects()) if (q.width > 0) tops.add(Math.round(q.top));
      }
      if (tops.size > 1) problems.push(`label broken over ${tops.size} lines: "${text}"`);
    }
    return problems.slice(0, 15);
  });
}

async function openView(page, tab) {
  await pane(page).getByRole("tab", exact(tab)).click();
  await page.waitForFunction(
    (name) =>
      [...document.querySelectorAll('[data-taskpane] [role="tab"]')].some(
        (el) => el.textContent === name && el.getAttribute("aria-selected") === "true",
      ),
    tab,
  );
  await page.waitForTimeout(250);
}

async function checkAll(t, lang, theme, widths, shots) {
  const S = STRINGS[lang];
  const q = [lang === "zh" ? "lang=zh-CN" : "", theme === "dark" ? "theme=dark" : ""]
    .filter(Boolean)
    .join("&");
  await t.open(`/playground.html${q ? `?${q}` : ""}`);
  await t.waitReady();
  const p = pane(t.page);
  await setPaneWidth(t.page, widths[0]);
  const scoreButton = p.getByRole("button", exact(S.scoreButton));
  await scoreButton.waitFor({ timeout: 30000 });
  // First click scores the sample: no "Save mapping and score" asked, the columns used are shown.
  await scoreButton.click();
  await p.getByRole("button", exact(S.changeColumns)).waitFor({ timeout: 60000 });
  t.assert.strictEqual(
    await p.getByRole("button", exact(S.mappingConfirm)).count(),
    0,
    "no confirmation asked",
  );
  t.assert.strictEqual(await p.locator("[data-mapping-used]").getAttribute("data-mapping-used"), "detected");
  // Clear results is offered, and focus stayed on the Score button.
  await p.getByRole("button", exact(S.clearResults)).waitFor();
  await p.getByRole("button", exact(S.changeColumns)).click();
  const failures = [];
  const suffix = theme === "dark" ? "-dark" : "";
  for (const width of widths) {
    await setPaneWidth(t.page, width);
    for (const [id, tab] of [
      ["score", S.tabScore],
      ["customers", S.tabCustomers],
      ["collections", S.tabCollections],
      ["monitoring", S.tabMonitoring],
      ["policy", S.tabPolicy],
    ]) {
      await openView(t.page, tab);
      if (id === "customers") {
        const first = p.locator("li[data-customer] > button").first();
        await first.waitFor({ timeout: 10000 });
        if ((await first.getAttribute("aria-expanded")) !== "true") await first.click();
        await t.page.waitForTimeout(150);
      }
      for (const problem of await measure(t.page))
        failures.push(`${width}px ${lang} ${theme} ${id}: ${problem}`);
      if (shots.includes(id)) {
        await t.page.evaluate(() => document.querySelector("[data-taskpane]").scrollTo(0, 0));
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
        await p.screenshot({ path: path.join(SCREENSHOTS, `pane-${width}-${lang}${suffix}-${id}.png`) });
      }
    }
  }
  t.assert.ok(failures.length === 0, `does not fit:\n      ${failures.join("\n      ")}`);
  t.assert.deepStrictEqual(t.consoleErrors, []);
}

const ALL = ["score", "customers", "collections", "monitoring", "policy"];

module.exports = {
  async "pane at 320 and 350 px, English, light: every view fits; first click scores"(t) {
    await checkAll(t, "en", "light", [320, 350], ALL);
  },
  async "pane at 320 and 350 px, Chinese, light: every view fits, labels unbroken; first click scores"(t) {
    await checkAll(t, "zh", "light", [320, 350], ALL);
  },
  async "pane at 320 px, English and Chinese, dark: every view fits"(t) {
    await checkAll(t, "en", "dark", [320], ["score", "customers"]);
    await checkAll(t, "zh", "dark", [320], ["score", "customers"]);
  },
};

/**
 * Tab through the pane (Score view after a run, Customers): every stop shows a focus ring — a visible difference in
 * the element's outline, shadow or border, its ::before/::after (Fluent draws rings there) or its Fluent wrapper's
 * ::after (native inputs and selects) between focused and, after the next Tab, not focused.
 */
module.exports["keyboard: every focus stop in the pane shows a visible focus ring"] = async (t) => {
  const S = STRINGS.en;
  await t.open("/playground.html");
  await t.waitReady();
  const p = pane(t.page);
  await setPaneWidth(t.page, 320);
  const scoreButton = p.getByRole("button", exact(S.scoreButton));
  await scoreButton.waitFor({ timeout: 30000 });
  await scoreButton.focus();
  await t.page.keyboard.press("Enter");
  await p.getByRole("button", exact(S.changeColumns)).waitFor({ timeout: 60000 });
  const failures = [];
  for (const tab of [S.tabScore, S.tabCustomers]) {
    await openView(t.page, tab);
    await p.getByRole("tab", exact(tab)).focus();
    await t.page.evaluate(() => (window.__ring = { prev: null, seen: [], bad: [] }));
    for (let i = 0; i < 80; i++) {
      await t.page.keyboard.press("Tab");
      await t.page.waitForTimeout(30);
      const inside = await t.page.evaluate(() => {
        const look = (el) => {
          const parts = [
            window.getComputedStyle(el),
            window.getComputedStyle(el, "::after"),
            window.getComputedStyle(el, "::before"),
          ];
          if (el.parentElement) parts.push(window.getComputedStyle(el.parentElement, "::after"));
          return JSON.stringify(
            parts.map((s) => [
              s.content,
              // An outline counts only when drawn (Chromium changes outline-color on focus even under style none).
              s.outlineStyle === "none" || parseFloat(s.outlineWidth) === 0
                ? "none"
                : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
              s.boxShadow,
              s.borderTopColor,
              s.borderBottomColor,
              s.borderBottomWidth,
              s.transform,
            ]),
          );
        };
        const state = window.__ring;
        const el = document.activeElement;
        const root = document.querySelector("[data-pane-root]");
        const prev = state.prev;
        if (prev && prev.el !== el) {
          if (look(prev.el) === prev.focused) state.bad.push(prev.key);
          state.prev = null;
        }
        if (!el || !root.contains(el)) return false;
        if (!state.prev) {
          const key = `${el.tagName}:${(el.getAttribute("aria-label") || el.textContent || "").trim().slice(0, 40)}`;
          if (!state.seen.includes(key)) state.seen.push(key);
          state.prev = { el, key, focused: look(el) };
        }
        return true;
      });
      if (!inside) break;
    }
    const { seen, bad } = await t.page.evaluate(() => window.__ring);
    t.assert.ok(seen.length > 3, `${tab}: tabbed through ${seen.length} stops: ${seen.join(", ")}`);
    for (const key of bad) failures.push(`${tab}: no focus ring on ${key}`);
  }
  t.assert.ok(failures.length === 0, failures.join("\n      "));
};
