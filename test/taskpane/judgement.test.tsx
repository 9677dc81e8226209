/** @jest-environment jsdom */
/**
 * Spec score-sheet v2 in the pane: "based on N of M rows", per-currency KPIs with the missing rates named, unapplied
 * credit, data-quality warnings, "re-score needed" after a policy change, the date-order setting (labels identical
 * to the engine's messages), currencies and grade caps in the Policy view, plural-correct collections.
 */
import "./setup";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import {
  DATE_ORDER_LABELS,
  DATE_ORDER_SETTING,
  DECIMAL_COMMA_SETTING,
  POLICY_VIEW_NAME,
  mergePolicy,
  policyMigrationNotes,
  type Policy,
} from "../../src/engine/policy";
import { scoreTable } from "../../src/engine/pipeline";
import { serialFromYmd } from "../../src/engine/serial";
import { toPaneResult } from "../../src/taskpane/fromPipeline";
import { draftFromPolicy, parseRatesText, policyFromDraft } from "../../src/taskpane/policyForm";
import type { PaneResult } from "../../src/taskpane/services";
import { paneStrings } from "../../src/taskpane/strings";
import { CollectionsView } from "../../src/taskpane/views/CollectionsView";
import { CustomersView } from "../../src/taskpane/views/CustomersView";
import { PolicyView } from "../../src/taskpane/views/PolicyView";
import { fakeServices, renderInPane, renderPane, SAMPLE_RESULT } from "./fakes";

const en = paneStrings("en-US");
const zh = paneStrings("zh-CN");
const d = (y: number, m: number, day: number) => serialFromYmd(y, m, day)!;
const AS_OF = d(2025, 6, 30);

/** A three-currency sheet without rates, with a credit note, a duplicate invoice and one unreadable row. */
function threeCurrencyResult(policy: Policy = mergePolicy()): PaneResult {
  const rows = [
    ["Customer", "Invoice No", "Due Date", "Amount", "Currency"],
    ["Mike", "M-1", AS_OF - 10, 1000, "EUR"],
    ["Mike", "M-1", AS_OF - 10, 1000, "EUR"],
    ["Mike", "CN-1", AS_OF - 30, -400, "EUR"],
    ["Nova", "N-1", AS_OF - 40, 800, "GBP"],
    ["Oscar", "O-1", AS_OF - 100, 2000, "USD"],
    ["Papa", "P-1", "31/02/2025", 100, "EUR"],
  ];
  return toPaneResult(scoreTable(rows, undefined, policy, AS_OF, { sheetName: "Ledger" }), policy, "Ledger");
}

describe("Score view results (v2)", () => {
  test("per-currency KPI groups, missing rates named, 'based on N of M rows', warnings listed", async () => {
    const result = threeCurrencyResult();
    const services = fakeServices({ autoFinish: { status: "done", result } });
    renderPane(services);
    const button = await screen.findByRole("button", { name: en.scoreButton });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    await act(async () => fireEvent.click(button));
    expect(await screen.findByText("Based on 5 of 6 rows: 1 could not be read (listed below).")).toBeTruthy();
    expect(
      screen.getByText(
        "No exchange rate for GBP, USD (base currency EUR): the figures are shown per currency and never added together. Add the rates on a sheet named Rates or in the Policy view.",
      ),
    ).toBeTruthy();
    const eur = screen.getByRole("list", { name: `${en.kpiHeading}: In EUR` });
    expect(within(eur).getByText(en.kpiExposure).parentElement!.textContent).toContain("EUR 1,600");
    expect(within(eur).getByText(en.kpiCredit).parentElement!.textContent).toContain("EUR 400");
    expect(within(eur).getByText(en.kpiOverdue).parentElement!.textContent).toContain("EUR 2,000");
    expect(screen.getByRole("list", { name: `${en.kpiHeading}: In GBP` })).toBeTruthy();
    expect(screen.getByRole("list", { name: `${en.kpiHeading}: In USD` })).toBeTruthy();
    // One aging chart per currency.
    expect(screen.getAllByRole("list", { name: en.agingChartLabel })).toHaveLength(3);
    // The duplicate invoice is a data-quality warning (the row was scored), not a row that was not read.
    expect(screen.getByText("Data-quality warnings (1)")).toBeTruthy();
    expect(
      screen.getByText(
        "Invoice M-1 of Mike is also on row 2; both rows are scored — check that it is not counted twice.",
      ),
    ).toBeTruthy();
    expect(screen.getByText("Rows not read (1)")).toBeTruthy();
  });

  test("Chinese: based-on note and currency headings", async () => {
    const services = fakeServices({ autoFinish: { status: "done", result: threeCurrencyResult() } });
    renderPane(services, "zh-CN");
    const button = await screen.findByRole("button", { name: zh.scoreButton });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    await act(async () => fireEvent.click(button));
    expect(await screen.findByText("依据 6 行中的 5 行：1 行无法读取（见下文）。")).toBeTruthy();
    expect(screen.getByRole("list", { name: `${zh.kpiHeading}: 以 GBP 计` })).toBeTruthy();
  });

  test("the DSO card carries the open-items caveat under its figure, in the display language", async () => {
    const dsoNote = {
      en: "The sheet lists no paid invoices (open items only), so DSO counts only the unpaid sales of the last 90 days and reads high.",
      zh: "表中没有已付发票（仅含未结项目），DSO 只计入最近 90 天未付的销售额，因此偏高。",
    };
    for (const lang of ["en-US", "zh-CN"] as const) {
      const result: PaneResult = { ...SAMPLE_RESULT, kpis: { ...SAMPLE_RESULT.kpis, dsoNote } };
      const services = fakeServices({ autoFinish: { status: "done", result } });
      const view = renderPane(services, lang);
      const button = await screen.findByRole("button", { name: (lang === "en-US" ? en : zh).scoreButton });
      await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
      await act(async () => fireEvent.click(button));
      await screen.findByRole("list", { name: (lang === "en-US" ? en : zh).kpiHeading });
      const card = document.querySelector('[data-kpi="dso"]')!;
      expect(card.textContent).toContain(lang === "en-US" ? dsoNote.en : dsoNote.zh);
      expect(document.querySelector('[data-kpi="over90"]')!.textContent).not.toContain(dsoNote.en);
      view.unmount();
    }
  });

  test("no based-on note when every row was read", async () => {
    const services = fakeServices({ autoFinish: { status: "done", result: SAMPLE_RESULT } });
    renderPane(services);
    const button = await screen.findByRole("button", { name: en.scoreButton });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    await act(async () => fireEvent.click(button));
    await screen.findByRole("list", { name: en.kpiHeading });
    expect(document.querySelector('[data-kpi-note="based-on"]')).toBeNull();
  });
});

describe("re-score needed", () => {
  test("a saved policy that differs from the one the results were computed with marks every view", async () => {
    const services = fakeServices({ autoFinish: { status: "done", result: SAMPLE_RESULT } });
    renderPane(services);
    const button = await screen.findByRole("button", { name: en.scoreButton });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    await act(async () => fireEvent.click(button));
    await screen.findByRole("list", { name: en.kpiHeading });
    expect(screen.queryByText(en.rescoreNeeded)).toBeNull();
    fireEvent.click(screen.getByRole("tab", { name: en.tabPolicy }));
    // The Policy view loads lazily: allow for a busy machine.
    const order = await screen.findByLabelText(DATE_ORDER_SETTING.en, {}, { timeout: 10_000 });
    fireEvent.change(order, { target: { value: "DMY" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: en.savePolicy })));
    expect(services.calls.savePolicy[0]!.dateOrder).toBe("DMY");
    expect(await screen.findByText(en.rescoreNeeded)).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: en.tabCustomers }));
    expect(await screen.findByText(en.rescoreNeeded)).toBeTruthy();
    // Scoring again with the saved policy clears the mark.
    fireEvent.click(screen.getByRole("tab", { name: en.tabScore }));
    const again = await screen.findByRole("button", { name: en.scoreButton });
    const rescored = { ...SAMPLE_RESULT, policy: services.calls.savePolicy[0]! };
    (services as unknown as { score: typeof services.score }).score = async () => ({
      status: "done",
      result: rescored,
    });
    await act(async () => fireEvent.click(again));
    await waitFor(() => expect(screen.queryByText(en.rescoreNeeded)).toBeNull());
  });
});

describe("Policy view (v2 fields)", () => {
  test("a migrated v1 policy is explained until it is saved", async () => {
    const v1 = { lossRateMethod: "auto", version: 1 };
    const services = {
      ...fakeServices({ policy: mergePolicy(v1) }),
      policyNotes: () => policyMigrationNotes(v1),
    };
    renderPane(services, "en-US", "policy");
    expect(
      await screen.findByText(/The saved loss-rate method "auto" was changed to "Policy rates"/),
    ).toBeTruthy();
    expect(mergePolicy(v1).lossRateMethod).toBe("policy");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: en.savePolicy })));
    await waitFor(() => expect(screen.queryByText(/The saved loss-rate method/)).toBeNull());
  });

  test("date order offers exactly the labels the engine's messages name", () => {
    renderInPane(<PolicyView policy={mergePolicy()} onSave={async () => undefined} />);
    const select = screen.getByLabelText(DATE_ORDER_SETTING.en) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      DATE_ORDER_LABELS.auto.en,
      DATE_ORDER_LABELS.DMY.en,
      DATE_ORDER_LABELS.MDY.en,
    ]);
    expect(select.value).toBe("auto");
  });

  test("the settings the engine's messages name exist in the Policy view under those names", async () => {
    expect(POLICY_VIEW_NAME).toEqual({ en: en.tabPolicy, zh: zh.tabPolicy });
    const saved: Policy[] = [];
    renderInPane(<PolicyView policy={mergePolicy()} onSave={async (p) => void saved.push(p)} />);
    fireEvent.click(screen.getByLabelText(DECIMAL_COMMA_SETTING.en));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: en.savePolicy })));
    expect(saved[0]!.decimalComma).toBe(true);
  });

  test("Chinese labels too", () => {
    renderInPane(<PolicyView policy={mergePolicy()} onSave={async () => undefined} />, "zh-CN");
    const select = screen.getByLabelText(DATE_ORDER_SETTING.zh) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(["自动", "日-月-年", "月-日-年"]);
  });

  test("currencies, caps, floor and model round-trip through the form", async () => {
    const saved: Policy[] = [];
    renderInPane(<PolicyView policy={mergePolicy()} onSave={async (p) => void saved.push(p)} />);
    fireEvent.change(screen.getByLabelText(en.baseCurrencyLabel), { target: { value: "eur" } });
    fireEvent.change(screen.getByLabelText(en.ratesLabel), { target: { value: "USD 0.92, GBP=1.17" } });
    fireEvent.change(screen.getByLabelText(en.lossRateFloorLabel), { target: { value: "75" } });
    fireEvent.change(screen.getByLabelText(en.altmanModelLabel), { target: { value: "public" } });
    fireEvent.change(screen.getByLabelText(en.lossMethodLabel), { target: { value: "rollRate" } });
    fireEvent.click(screen.getByLabelText(en.capsEnabledLabel));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: en.savePolicy })));
    expect(saved[0]).toMatchObject({
      baseCurrency: "EUR",
      rates: { USD: 0.92, GBP: 1.17 },
      rollRate: { floorShare: 0.75 },
      defaultAltmanModel: "public",
      lossRateMethod: "rollRate",
      gradeCaps: { enabled: false },
    });
  });

  test("bad rates are an inline error", () => {
    renderInPane(<PolicyView policy={mergePolicy()} onSave={async () => undefined} />);
    fireEvent.change(screen.getByLabelText(en.ratesLabel), { target: { value: "USD zero" } });
    expect(screen.getByText(en.ratesInvalid)).toBeTruthy();
    expect((screen.getByRole("button", { name: en.savePolicy }) as HTMLButtonElement).disabled).toBe(true);
    expect(parseRatesText("")).toEqual({});
    expect(parseRatesText("usd: 0.9；GBP 1.1")).toEqual({ USD: 0.9, GBP: 1.1 });
  });

  test("the draft keeps every v2 field of the policy", () => {
    const p = mergePolicy({ dateOrder: "MDY", baseCurrency: "GBP", rates: { EUR: 0.85 } });
    expect(policyFromDraft(draftFromPolicy(p), p).policy).toEqual(p);
  });
});

describe("customers and collections (v2)", () => {
  test("customer list: overdue and unapplied credit in the details, money with its currency", () => {
    const result = threeCurrencyResult(mergePolicy({ rates: { GBP: 1.2, USD: 0.9 } }));
    renderInPane(<CustomersView result={result} onSelectRows={() => undefined} />);
    const mike = document.querySelector('li[data-customer="Mike"]')!;
    expect(mike.textContent).toContain("EUR 1,600");
    fireEvent.click(mike.querySelector("button")!);
    expect(mike.textContent).toContain("EUR 400");
    const nova = document.querySelector('li[data-customer="Nova"]')!;
    expect(nova.textContent).toContain("GBP 800");
    expect(screen.getByRole("option", { name: "Credit" })).toBeTruthy();
  });

  test("customer details say which Altman model was used", () => {
    const result = {
      ...SAMPLE_RESULT,
      customers: SAMPLE_RESULT.customers.map((c, i) => (i === 0 ? { ...c, altmanModel: "private" } : c)),
    };
    renderInPane(<CustomersView result={result} onSelectRows={() => undefined} />);
    const acme = document.querySelector('li[data-customer="Acme Ltd"]')!;
    fireEvent.click(acme.querySelector("button")!);
    expect(acme.textContent).toContain("Altman model: Private (Z′, book equity)");
    const beta = document.querySelector('li[data-customer="Beta GmbH"]')!;
    fireEvent.click(beta.querySelector("button")!);
    expect(beta.querySelector("[data-altman-model]")).toBeNull();
  });

  test("collections: '1 invoice', disputed amount, over-limit note", () => {
    const rows = [
      ["Customer", "Invoice No", "Due Date", "Amount", "Status", "Credit Limit"],
      ["Kappa", "K-1", AS_OF - 20, 1000, "Open", 500],
      ["Kappa", "K-2", AS_OF - 10, 300, "Disputed", 500],
    ];
    const policy = mergePolicy();
    const result = toPaneResult(scoreTable(rows, undefined, policy, AS_OF), policy, "S");
    renderInPane(<CollectionsView result={result} />);
    const card = document.querySelector('[data-customer="Kappa"]')!;
    expect(card.textContent).toContain("1 invoice, 1,000 overdue, 20 days");
    expect(card.textContent).toContain("Also 300 under dispute (named in the message, not requested).");
    expect(card.textContent).toContain(en.caseOverLimit);
  });
});
