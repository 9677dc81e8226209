/**
 * Spec §2/§4/§6 v2: every view agrees on a customer's overdue amount to the cent. For every customer of every golden
 * workbook, scored end to end on the simulator, the overdue amount is read three ways and compared:
 * - the pane's model (toPaneResult: the Customers view);
 * - the summary sheet's cells (the customer table's Overdue column, one row per customer and currency);
 * - the dunning letter's text in both languages ("Total overdue: …" — what is asked for — plus the amounts it names
 *   as under dispute and not requested). Unapplied credit is never part of either.
 * v1 showed 51,046.87 on the summary and 52,296.87 in the letter for one customer (a credit note aged as debt).
 */
import type { ScoreResult } from "../../src/engine/pipeline";
import { toPaneResult } from "../../src/taskpane/fromPipeline";
import { caseNames, casePolicy, loadInput, scoreCase, setupCase } from "./harness";

const cents = (x: number) => Math.round(x * 100);

/** Money amounts in a letter line: "EUR 1,200.00, GBP 3.50" → { EUR: 120000, GBP: 350 } (cents). */
function amountsIn(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of text.matchAll(/(?:([A-Z]{3}) )?(-?\d{1,3}(?:,\d{3})*\.\d{2})/g)) {
    const cur = m[1] ?? "";
    out.set(cur, (out.get(cur) ?? 0) + cents(Number(m[2]!.replace(/,/g, ""))));
  }
  return out;
}

/** Requested + disputed amounts a letter names, per currency (cents). */
function letterOverdue(body: string, lang: "en" | "zh"): Map<string, number> {
  const lines = body.split("\n");
  const total = lines.find((l) => l.startsWith(lang === "en" ? "Total overdue: " : "逾期合计："))!;
  const out = amountsIn(total.slice(total.indexOf(lang === "en" ? ": " : "：") + 1));
  const disputed = lines.find((l) => l.startsWith(lang === "en" ? "Not included above:" : "以上未包括"));
  if (disputed) {
    // One invoice: "(800.00)"; several: "(A, B; EUR 1,000.00)" — the amounts follow the last ";" or sit in brackets.
    const inner = /[(（]([^()（）]*)[)）]/.exec(disputed)![1]!;
    const part = inner.includes(";") || inner.includes("；") ? inner.split(/[;；]/).pop()! : inner;
    for (const [c, v] of amountsIn(part)) out.set(c, (out.get(c) ?? 0) + v);
  }
  return out;
}

describe.each(caseNames())(
  "golden %s: overdue agrees in the pane, on the summary and in the letters",
  (name) => {
    test("to the cent, for every customer", async () => {
      const input = loadInput(name);
      const wb = await setupCase(input);
      const scored = await scoreCase(input.options);
      expect(scored.outcome.status).toBe("done");
      if (scored.outcome.status !== "done") return;
      const result: ScoreResult = scored.outcome.summary;
      const policy = casePolicy(input.options);
      const pane = toPaneResult(result, policy, scored.outcome.output.sheetName);

      // The summary's customer table: Customer, Currency, …, Overdue.
      const values = wb.getValues(scored.outcome.summarySheet!);
      const zh = input.options.lang === "zh";
      const hr = values.findIndex(
        (r) => r[0] === (zh ? "客户" : "Customer") && r[1] === (zh ? "币种" : "Currency"),
      );
      const oc = values[hr]!.indexOf(zh ? "逾期金额" : "Overdue");
      const summary = new Map<string, Map<string, number>>();
      for (let r = hr + 1; r < values.length && values[r]![0] !== ""; r++) {
        const [customer, currency] = values[r]! as [string, string];
        if (!summary.has(customer)) summary.set(customer, new Map());
        summary.get(customer)!.set(currency, cents(values[r]![oc] as number));
      }

      const rates = new Map(result.portfolio.byCurrency.map((x) => [x.currency, x.rate]));
      for (const c of pane.customers) {
        const rows = summary.get(c.name)!;
        // Pane ↔ summary: the same figure(s), in the same currency.
        if (c.currency !== null) expect([c.name, rows.get(c.currency)]).toEqual([c.name, cents(c.overdue!)]);
        else
          for (const m of c.byCurrency)
            expect([c.name, m.currency, rows.get(m.currency)]).toEqual([
              c.name,
              m.currency,
              cents(m.overdue),
            ]);
        // A converted customer's figure is the sum of its currencies at the rates.
        if (c.currency !== null && c.byCurrency.length > 1) {
          const sum = c.byCurrency.reduce(
            (t, m) => t + (m.overdue * rates.get(m.currency)!) / rates.get(c.currency!)!,
            0,
          );
          expect(Math.abs(sum - c.overdue!)).toBeLessThan(1e-6);
        }
        // Letters (both languages) ↔ pane, per currency.
        const perCurrency = new Map(
          c.byCurrency.filter((m) => m.overdue !== 0).map((m) => [m.currency, cents(m.overdue)]),
        );
        const letter = pane.collections.find((x) => x.customer === c.name);
        if (letter) {
          for (const lang of ["en", "zh"] as const)
            expect([c.name, lang, letterOverdue(letter.messages[lang].body, lang)]).toEqual([
              c.name,
              lang,
              perCurrency,
            ]);
        } else {
          // No letter: nothing undisputed is past due.
          const undisputed = result.invoices.filter(
            (i) =>
              i.customer === c.name && i.kind === "debit" && i.daysPastDue! > 0 && i.status !== "disputed",
          );
          expect([c.name, undisputed.length]).toEqual([c.name, 0]);
        }
        // Unapplied credit never makes overdue negative.
        for (const m of c.byCurrency) expect(m.overdue).toBeGreaterThanOrEqual(0);
      }
    });
  },
);
