import fc from "fast-check";
import { MAX_SERIAL, isoFromSerial, serialFromYmd } from "../../src/engine/serial";
import {
  discountCost,
  discountDate,
  dueDate,
  netTerms,
  nominalTermsDays,
  parseTerms,
  type PaymentTerms,
} from "../../src/engine/terms";

const s = (y: number, m: number, d: number): number => serialFromYmd(y, m, d)!;
const due = (y: number, m: number, d: number, terms: string): string =>
  isoFromSerial(dueDate(s(y, m, d), parseTerms(terms)!));

describe("parseTerms — the spec's grammar", () => {
  it.each([
    // net N
    ["Net 30", "net", 30],
    ["30", "net", 30],
    ["30 days", "net", 30],
    ["Net 30 days", "net", 30],
    ["n30", "net", 30],
    ["N 30", "net", 30],
    ["Net-30", "net", 30],
    ["NET30", "net", 30],
    ["net 0", "net", 0],
    ["30天", "net", 30],
    ["票到30天", "net", 30],
    ["见票60天", "net", 60],
    ["开票后45天", "net", 45],
    ["账期90天", "net", 90],
    ["３０天", "net", 30],
    ["Ｎｅｔ　３０", "net", 30],
    // immediate
    ["Due on receipt", "immediate", 0],
    ["Upon receipt", "immediate", 0],
    ["On receipt", "immediate", 0],
    ["Immediate", "immediate", 0],
    ["COD", "immediate", 0],
    ["c.o.d.", "immediate", 0],
    ["CIA", "immediate", 0],
    ["CWO", "immediate", 0],
    ["CBS", "immediate", 0],
    ["CND", "immediate", 0],
    ["PIA", "immediate", 0],
    ["Prepaid", "immediate", 0],
    ["货到付款", "immediate", 0],
    ["款到发货", "immediate", 0],
    ["预付", "immediate", 0],
    ["预付款", "immediate", 0],
    // EOM
    ["EOM", "eom", 0],
    ["Net EOM", "eom", 0],
    ["月结", "eom", 0],
    ["30 EOM", "eom", 30],
    ["Net 30 EOM", "eom", 30],
    ["net30eom", "eom", 30],
    ["月结30天", "eom", 30],
    ["月结60", "eom", 60],
    ["月结 30 天", "eom", 30],
    ["End of month", "eom", 0],
    ["EOM + 30", "eom", 30],
    ["n/30", "net", 30],
    ["现结", "immediate", 0],
  ])("%j is %s %d", (text, kind, netDays) => {
    const t = parseTerms(text);
    expect(t).not.toBeNull();
    expect(t!.kind).toBe(kind);
    expect(t!.netDays).toBe(netDays);
    expect(t!.discount).toBeUndefined();
    expect(t!.text).toBe(text);
  });

  it.each([
    ["10th prox", 10],
    ["10 prox", 10],
    ["25 proximo", 25],
    ["15 MFI", 15],
    ["1st prox", 1],
    ["次月10日", 10],
    ["次月15号", 15],
  ])("%j is prox day %d", (text, day) => {
    const t = parseTerms(text)!;
    expect(t.kind).toBe("prox");
    expect(t.proxDay).toBe(day);
    expect(t.netDays).toBe(0);
  });

  it.each([
    ["2/10 Net 30", "net", 0.02, 10, 30],
    ["2/10 n/30", "net", 0.02, 10, 30],
    ["2% 10 Net 30", "net", 0.02, 10, 30],
    ["2%10net30", "net", 0.02, 10, 30],
    ["2/10, Net 30", "net", 0.02, 10, 30],
    ["2/10-net-30", "net", 0.02, 10, 30],
    ["1.5/10 Net 45", "net", 0.015, 10, 45],
    ["2 / 10 NET 30", "net", 0.02, 10, 30],
    ["２／１０　Ｎｅｔ　３０", "net", 0.02, 10, 30],
    ["2/10 Net 30 EOM", "eom", 0.02, 10, 30],
    ["2/30 net 30", "net", 0.02, 30, 30],
  ])("%j has a discount", (text, kind, rate, days, net) => {
    const t = parseTerms(text)!;
    expect(t.kind).toBe(kind);
    expect(t.discount).toEqual({ rate, days });
    expect(t.netDays).toBe(net);
  });

  it.each([
    "",
    "   ",
    "Net -30",
    "-30",
    "net −30",
    "Net 30.5",
    "30.5",
    "2/10",
    "2/10 EOM",
    "2/40 Net 30",
    "0/10 Net 30",
    "100/10 Net 30",
    "Net 30 Net 60",
    "30 60",
    "Net 30 EOM prox",
    "0 prox",
    "32nd prox",
    "次月0日",
    "月结30日",
    "abc",
    "net",
    "30 weeks",
    "1234567890",
  ])("%j is unrecognised", (text) => {
    expect(parseTerms(text)).toBeNull();
  });

  it("caches: the same text gives the same object", () => {
    expect(parseTerms("Net 45")).toBe(parseTerms("Net 45"));
    expect(parseTerms("nonsense terms")).toBeNull();
    expect(parseTerms("nonsense terms")).toBeNull();
  });

  it("never throws and returns null or well-formed terms for any string", () => {
    const pieces = fc.constantFrom(
      "net",
      "n",
      "/",
      "%",
      " ",
      "-",
      ",",
      "eom",
      "prox",
      "th",
      "天",
      "月结",
      "次月",
      "日",
      "2",
      "10",
      "30",
      ".",
      "−",
      "days",
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "binary" }),
          fc.string({ unit: "grapheme" }),
          fc.array(pieces).map((a) => a.join("")),
        ),
        (text) => {
          const t = parseTerms(text);
          if (t !== null) {
            expect(["net", "immediate", "eom", "prox"]).toContain(t.kind);
            expect(Number.isInteger(t.netDays) && t.netDays >= 0).toBe(true);
            if (t.discount) {
              expect(t.discount.rate).toBeGreaterThan(0);
              expect(t.discount.rate).toBeLessThan(1);
              expect(t.discount.days).toBeLessThanOrEqual(t.netDays);
            }
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("dueDate and discountDate", () => {
  it("net N counts calendar days, across month and year ends", () => {
    expect(due(2025, 1, 15, "Net 30")).toBe("2025-02-14");
    expect(due(2025, 12, 15, "Net 30")).toBe("2026-01-14");
    expect(due(2024, 2, 1, "Net 28")).toBe("2024-02-29");
    expect(due(2025, 1, 15, "COD")).toBe("2025-01-15");
  });

  it("EOM counts from the last day of the invoice month (leap years too)", () => {
    expect(due(2025, 1, 15, "EOM")).toBe("2025-01-31");
    expect(due(2025, 1, 31, "30 EOM")).toBe("2025-03-02");
    expect(due(2024, 2, 10, "EOM")).toBe("2024-02-29");
    expect(due(2023, 2, 10, "月结30天")).toBe("2023-03-30");
    expect(due(2025, 12, 5, "Net 15 EOM")).toBe("2026-01-15");
  });

  it("prox is day N of the next month, clamped to its last day", () => {
    expect(due(2025, 1, 15, "10th prox")).toBe("2025-02-10");
    expect(due(2025, 1, 31, "31 prox")).toBe("2025-02-28");
    expect(due(2024, 1, 31, "30 prox")).toBe("2024-02-29");
    expect(due(2025, 12, 20, "次月10日")).toBe("2026-01-10");
  });

  it("keeps Excel's 1900 calendar around serial 60", () => {
    const eom = parseTerms("EOM")!;
    expect(dueDate(59, eom)).toBe(60);
    expect(dueDate(60, eom)).toBe(60);
    expect(dueDate(61, eom)).toBe(91);
    expect(dueDate(59, parseTerms("Net 2")!)).toBe(61);
    expect(dueDate(31, parseTerms("30 prox")!)).toBe(60);
  });

  it("discount date is invoice + D, or month end + D for EOM terms", () => {
    expect(isoFromSerial(discountDate(s(2025, 1, 15), parseTerms("2/10 Net 30")!)!)).toBe("2025-01-25");
    expect(isoFromSerial(discountDate(s(2025, 1, 15), parseTerms("2/10 Net 30 EOM")!)!)).toBe("2025-02-10");
    expect(isoFromSerial(dueDate(s(2025, 1, 15), parseTerms("2/10 Net 30 EOM")!))).toBe("2025-03-02");
    expect(discountDate(s(2025, 1, 15), parseTerms("Net 30")!)).toBeNull();
  });

  it("the due date is never before the invoice date", () => {
    const texts = [
      "Net 30",
      "COD",
      "EOM",
      "30 EOM",
      "10th prox",
      "31 prox",
      "2/10 Net 60",
      "1/10 Net 30 EOM",
      "月结90天",
      "次月5日",
      "0",
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_SERIAL }),
        fc.constantFrom(...texts),
        fc.integer({ min: 0, max: 400 }),
        (inv, text, n) => {
          for (const terms of [parseTerms(text)!, netTerms(n)]) {
            expect(dueDate(inv, terms)).toBeGreaterThanOrEqual(inv);
            const disc = discountDate(inv, terms);
            if (disc !== null) expect(disc).toBeLessThanOrEqual(dueDate(inv, terms));
          }
        },
      ),
    );
  });

  it("holds for any parsed text as well", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_SERIAL }), fc.string(), (inv, text) => {
        const terms = parseTerms(text);
        if (terms) expect(dueDate(inv, terms)).toBeGreaterThanOrEqual(inv);
      }),
    );
  });
});

describe("discountCost and nominalTermsDays", () => {
  const t = (text: string): PaymentTerms => parseTerms(text)!;
  it("matches the spec's 2/10 Net 30 figures", () => {
    expect(discountCost(t("2/10 Net 30"))).toBeCloseTo(0.3724, 4);
    expect(discountCost(t("2/10 Net 30"), true)).toBeCloseTo(0.4459, 4);
    expect(discountCost(t("1/10 Net 60"))).toBeCloseTo((0.01 / 0.99) * (365 / 50), 10);
  });

  it("is null without a discount and Infinity when D = N", () => {
    expect(discountCost(t("Net 30"))).toBeNull();
    expect(discountCost(t("2/30 Net 30"))).toBe(Infinity);
  });

  it("gives the typical days of credit", () => {
    expect(nominalTermsDays(t("Net 45"))).toBe(45);
    expect(nominalTermsDays(t("COD"))).toBe(0);
    expect(nominalTermsDays(t("30 EOM"))).toBe(45);
    expect(nominalTermsDays(t("EOM"))).toBe(15);
    expect(nominalTermsDays(t("10th prox"))).toBe(25);
  });
});
