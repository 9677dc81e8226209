import { collectionsPlan, dunningStage } from "../../../src/engine/collections/dunning";
import {
  caseMessage,
  draftMessage,
  LETTER_LINES,
  sanitizeLine,
} from "../../../src/engine/collections/messages";
import { makeSnapshot } from "../../../src/engine/pipeline/snapshot";
import { DEFAULT_POLICY, mergePolicy } from "../../../src/engine/policy";
import { readCustomers } from "../../../src/engine/sheet/customers";
import { scoreTable } from "../../../src/engine/pipeline/score-table";
import { AS_OF, CUSTOMER_ROWS, INVOICE_ROWS, d } from "../pipeline/fixture";

const result = scoreTable(INVOICE_ROWS, undefined, DEFAULT_POLICY, AS_OF, {
  customers: readCustomers(CUSTOMER_ROWS),
});

describe("dunning stages", () => {
  test.each([
    [0, null],
    [1, "reminder"],
    [14, "reminder"],
    [15, "secondNotice"],
    [29, "secondNotice"],
    [30, "finalNotice"],
    [59, "finalNotice"],
    [60, "creditHold"],
    [400, "creditHold"],
  ])("%p days → %p", (days, stage) => {
    expect(dunningStage(days, DEFAULT_POLICY)).toBe(stage);
  });

  test("plan: stage by oldest overdue invoice; disputed, current and credit items excluded", () => {
    const plan = collectionsPlan(result, DEFAULT_POLICY);
    expect(plan.cases.map((c) => [c.customer, c.stage, c.maxDaysPastDue, c.overdueAmount])).toEqual([
      ["Acme Ltd", "creditHold", 90, 9000],
      ["上海甲公司", "secondNotice", 28, 1500],
    ]);
    expect(plan.cases[0]!.invoices.map((i) => i.invoiceNo)).toEqual(["A1", "A2"]);
    expect(plan.groups.map((g) => [g.stage, g.cases.length])).toEqual([
      ["creditHold", 1],
      ["finalNotice", 0],
      ["secondNotice", 1],
      ["reminder", 0],
    ]);
    // Beta's only overdue invoice is disputed: no dunning case.
    expect(plan.cases.some((c) => c.customer === "Beta GmbH")).toBe(false);
  });
});

describe("draftMessage", () => {
  const acme = collectionsPlan(result, DEFAULT_POLICY).cases[0]!;
  const interestPolicy = mergePolicy({
    lateInterest: { enabled: true, annualRate: 0.08, recoveryFeeRegime: "UK" },
  });

  test("English credit-hold notice with statutory interest and fees", () => {
    const m = draftMessage("Acme Ltd", acme.invoices, "creditHold", "en", interestPolicy, AS_OF, {
      company: "Widget Co",
      currency: "GBP",
    });
    expect(m.subject).toBe("Account on credit hold – Acme Ltd");
    expect(m.body.split("\n")).toEqual([
      "Dear Acme Ltd,",
      "",
      "Because the following invoices remain unpaid, your account has been placed on credit hold:",
      "",
      "• A1 – due 2024-12-31 – GBP 5,000.00 – 90 days overdue (interest GBP 98.63, fee GBP 70.00)",
      "• A2 – due 2025-02-19 – GBP 4,000.00 – 40 days overdue (interest GBP 35.07, fee GBP 70.00)",
      "",
      "Total overdue: GBP 9,000.00",
      "Statutory interest at 8.00% a year to 2025-03-31: GBP 133.70",
      "Fixed recovery compensation: GBP 140.00",
      "Total now due: GBP 9,273.70",
      "",
      "No further orders can be supplied on credit until the overdue balance is paid in full. Please contact us to settle the account.",
      "",
      "Kind regards,",
      "Widget Co",
    ]);
  });

  test("Chinese reminder without interest", () => {
    const m = draftMessage(
      "上海甲公司",
      collectionsPlan(result, DEFAULT_POLICY).cases[1]!.invoices,
      "reminder",
      "zh-CN",
      DEFAULT_POLICY,
      AS_OF,
    );
    expect(m.subject).toBe("付款提醒：发票已逾期 – 上海甲公司");
    expect(m.body).toContain("尊敬的上海甲公司：");
    expect(m.body).toContain("• C1，到期日2025年3月3日，金额1,500.00，已逾期28天");
    expect(m.body).toContain("逾期合计：1,500.00");
    expect(m.body).not.toContain("利息");
    expect(m.body.endsWith("信用管理部")).toBe(true);
  });

  test("tone differs by stage, in both languages", () => {
    const stages = ["reminder", "secondNotice", "finalNotice", "creditHold"] as const;
    for (const lang of ["en", "zh-CN"] as const) {
      const bodies = stages.map((s) => draftMessage("X", acme.invoices, s, lang, DEFAULT_POLICY, AS_OF).body);
      expect(new Set(bodies).size).toBe(4);
    }
    expect(draftMessage("X", acme.invoices, "finalNotice", "en", DEFAULT_POLICY, AS_OF).body).toContain(
      "within 7 days",
    );
  });

  test("mixed currencies are totalled per currency; invoices without a number use the row", () => {
    const m = draftMessage(
      "Mix",
      [
        { row: 5, dueDate: d(2025, 3, 1), openBalance: 1000, daysPastDue: 30, currency: "USD" },
        { invoiceNo: "E1", dueDate: d(2025, 3, 1), openBalance: 2500.5, daysPastDue: 30, currency: "EUR" },
        { invoiceNo: "CR", dueDate: d(2025, 3, 1), openBalance: -50, daysPastDue: 30, currency: "EUR" },
      ],
      "reminder",
      "en",
      DEFAULT_POLICY,
      AS_OF,
    );
    expect(m.body).toContain("• Invoice (row 5) – due 2025-03-01 – USD 1,000.00 – 30 days overdue");
    expect(m.body).toContain("Total overdue: EUR 2,500.50, USD 1,000.00");
    expect(m.body).not.toContain("CR");
  });

  test("a customer with more open invoices than a letter lists: the most overdue are listed, the rest counted and totalled", () => {
    // 123 invoices: I-1 is 123 days overdue with 100.00 … I-123 is 1 day overdue with 222.00 (100 + k − 1).
    const invoices = Array.from({ length: 123 }, (_, k) => ({
      invoiceNo: `I-${k + 1}`,
      dueDate: AS_OF - (123 - k),
      openBalance: 100 + k,
      daysPastDue: 123 - k,
      currency: "USD",
    }));
    const disputed = invoices.slice(0, 60).map((i) => ({ ...i, invoiceNo: `D-${i.invoiceNo}` }));
    for (const lang of ["en", "zh-CN"] as const) {
      const m = draftMessage("Big", invoices, "reminder", lang, DEFAULT_POLICY, AS_OF, { disputed });
      const lines = m.body.split("\n").filter((l) => l.startsWith("• "));
      expect(lines.length).toBe(LETTER_LINES + 1);
      expect(lines[0]).toMatch(/^• I-1\b/);
      expect(lines[LETTER_LINES - 1]).toMatch(new RegExp(`^• I-${LETTER_LINES}\\b`));
      // The rest: I-51 … I-123, 73 invoices of 150 … 222 = 73 × 186 = 13,578.00. All 123: 123 × 161 = 19,803.00.
      expect(lines[LETTER_LINES]).toBe(
        lang === "en"
          ? "• … and 73 more overdue invoices (USD 13,578.00); a full statement is available on request."
          : "• ……另有73张逾期发票（USD 13,578.00），如需完整对账单请告知。",
      );
      expect(m.body).toContain(lang === "en" ? "Total overdue: USD 19,803.00" : "逾期合计：USD 19,803.00");
      // 60 disputed: 50 named, then "and 10 more".
      expect(m.body).toContain(lang === "en" ? "D-I-50 and 10 more;" : "D-I-50等另外10张；");
      expect(m.body).not.toContain("D-I-51");
    }
  });

  test("no line starts with = + - @", () => {
    const m = draftMessage(
      "=HYPERLINK(\"x\")\n=cmd|'/c calc'!A1",
      [{ invoiceNo: "-1", dueDate: d(2025, 1, 1), openBalance: 10, daysPastDue: 89 }],
      "reminder",
      "en",
      DEFAULT_POLICY,
      AS_OF,
      {
        company: "@evil",
      },
    );
    for (const line of [m.subject, ...m.body.split("\n")]) expect(line).not.toMatch(/^[=+\-@]/);
    expect(m.body).toContain("'=cmd");
    expect(m.body).toContain("'@evil");
    expect(sanitizeLine("+1")).toBe("'+1");
    expect(sanitizeLine("ok")).toBe("ok");
  });
});

describe("letters v2 (spec §6): earlier reminders only when history shows them, over-limit stage, credit and disputes", () => {
  const AS = d(2025, 6, 30);
  const rows = [
    ["Customer", "Invoice No", "Due Date", "Amount", "Status", "Credit Limit"],
    ["Kappa", "K-1", AS - 45, 1000, "Open", 10000],
    ["Kappa", "K-2", AS - 35, 2000, "Open", 10000],
    ["Kappa", "K-3", AS - 20, 800, "Disputed", 10000],
    ["Kappa", "CN-9", AS - 50, -250, "Open", 10000],
    ["Lambda", "L-1", AS - 5, 9000, "Open", 5000],
  ];
  const snapshot = (asOf: number, dunned: string[]) => ({
    runDate: asOf,
    asOf,
    customer: "Kappa",
    exposure: 3000,
    daysBeyondTerms: 10,
    score: 70,
    grade: "B" as const,
    dunned,
  });

  test("no history: a final notice makes no claim of earlier reminders", () => {
    const r = scoreTable(rows, undefined, DEFAULT_POLICY, AS);
    const k = r.collections.cases.find((c) => c.customer === "Kappa")!;
    expect(k.stage).toBe("finalNotice");
    expect(k.remindedBefore).toEqual([]);
    const en = caseMessage(k, "en", DEFAULT_POLICY, AS);
    const zh = caseMessage(k, "zh-CN", DEFAULT_POLICY, AS);
    expect(en.body).toContain("The following invoices are seriously overdue and remain unpaid:");
    expect(en.body).not.toMatch(/earlier|before/i);
    expect(zh.body).not.toContain("此前");
  });

  test("history shows an earlier letter for every invoice: 'despite our earlier reminders'", () => {
    const r = scoreTable(rows, undefined, DEFAULT_POLICY, AS, {
      previousSnapshot: [snapshot(AS - 14, ["K-1", "K-2"])],
    });
    const k = r.collections.cases.find((c) => c.customer === "Kappa")!;
    expect(k.remindedBefore).toEqual(["K-1", "K-2"]);
    expect(caseMessage(k, "en", DEFAULT_POLICY, AS).body).toContain(
      "Despite our earlier reminders, the following invoices remain unpaid:",
    );
    expect(caseMessage(k, "zh-CN", DEFAULT_POLICY, AS).body).toContain("尽管我们此前已多次提醒");
  });

  test("history shows some of them: the letter names those; the same as-of date is not 'earlier'", () => {
    const r = scoreTable(rows, undefined, DEFAULT_POLICY, AS, {
      previousSnapshot: [snapshot(AS - 14, ["K-1"]), snapshot(AS, ["K-2"])],
    });
    const k = r.collections.cases.find((c) => c.customer === "Kappa")!;
    expect(k.remindedBefore).toEqual(["K-1"]);
    const en = caseMessage(k, "en", DEFAULT_POLICY, AS).body;
    expect(en).not.toContain("Despite");
    expect(en).toContain("We have already written to you about K-1.");
    expect(caseMessage(k, "zh-CN", DEFAULT_POLICY, AS).body).toContain("我们此前已就K-1与您联系。");
  });

  test("disputed items are named as not requested; unapplied credit is mentioned as credit, never as debt", () => {
    const r = scoreTable(rows, undefined, DEFAULT_POLICY, AS);
    const k = r.collections.cases.find((c) => c.customer === "Kappa")!;
    expect(k.amounts).toEqual([{ currency: "", amount: 3000 }]);
    expect(k.disputedAmounts).toEqual([{ currency: "", amount: 800 }]);
    const en = caseMessage(k, "en", DEFAULT_POLICY, AS).body.split("\n");
    expect(en).toContain("Total overdue: 3,000.00");
    expect(en).toContain(
      "Not included above: invoice K-3 (800.00), which is under dispute; we will resolve it with you separately.",
    );
    expect(en).toContain(
      "Your account also holds unapplied credit of 250.00 (CN-9). Please let us know which invoices it should be applied to.",
    );
    expect(en.filter((l) => l.startsWith("•"))).toEqual([
      "• K-1 – due 2025-05-16 – 1,000.00 – 45 days overdue",
      "• K-2 – due 2025-05-26 – 2,000.00 – 35 days overdue",
    ]);
    const zh = caseMessage(k, "zh-CN", DEFAULT_POLICY, AS).body;
    expect(zh).toContain("以上未包括发票K-3（800.00）：该发票存在争议");
    expect(zh).toContain("贵方账户另有未核销的贷项250.00（CN-9）");
  });

  test("a customer over its credit limit gets at least a second notice, and is told why", () => {
    const r = scoreTable(rows, undefined, DEFAULT_POLICY, AS);
    const l = r.collections.cases.find((c) => c.customer === "Lambda")!;
    expect([l.stageByDays, l.stage, l.overLimit]).toEqual(["reminder", "secondNotice", true]);
    const en = caseMessage(l, "en", DEFAULT_POLICY, AS).body;
    expect(en).toContain("Your balance of 9,000.00 is above your credit limit of 5,000.00.");
    expect(en).toContain("• L-1 – due 2025-06-25 – 9,000.00 – 5 days overdue");
    expect(caseMessage(l, "zh-CN", DEFAULT_POLICY, AS).body).toContain(
      "贵方应付余额9,000.00已超出信用额度5,000.00。",
    );
    // One day: "1 day overdue".
    const one = scoreTable([rows[0]!, ["Mu", "M-1", AS - 1, 10, "Open", ""]], undefined, DEFAULT_POLICY, AS);
    expect(caseMessage(one.collections.cases[0]!, "en", DEFAULT_POLICY, AS).body).toContain(
      "– 1 day overdue",
    );
  });

  test("the dunned invoices go into the snapshot, so the next run can tell", () => {
    const r = scoreTable(rows, undefined, DEFAULT_POLICY, AS);
    const snap = makeSnapshot(r, AS, AS);
    expect(snap.find((s) => s.customer === "Kappa")!.dunned).toEqual(["K-1", "K-2"]);
    expect(snap.find((s) => s.customer === "Kappa")!.overdue).toBe(3800);
  });
});
