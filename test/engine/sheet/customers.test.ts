import { altmanZ } from "../../../src/engine/altman";
import {
  isCustomersSheetName,
  joinCustomers,
  parseAltmanModel,
  readCustomers,
} from "../../../src/engine/sheet/customers";

describe("readCustomers", () => {
  const rows = [
    [
      "Customer",
      "Credit Limit",
      "Insured Limit",
      "Years Trading",
      "Working Capital",
      "Retained Earnings",
      "EBIT",
      "Equity",
      "Sales",
      "Total Assets",
      "Total Liabilities",
      "Model",
    ],
    ["Acme Ltd", "50,000", 40000, 12, 100, 200, 50, 300, 1000, 1000, 500, "private"],
    ["ＢＥＴＡ", 10000, "", 2, "", "", "", "", "", "", "", ""],
    ["acme ltd ", 99, "", "", "", "", "", "", "", "", "", ""],
    ["Gamma", "lots", "", "", "", "", "", "", "", "", "", ""],
    ["Delta", 5000, "", "", 1, 2, "", "", "", "", "", "Z''"],
  ];

  test("reads limits and Altman inputs, reports duplicates and bad cells", () => {
    const r = readCustomers(rows, { sheetName: "Customers" });
    expect(r.customers.map((c) => c.name)).toEqual(["Acme Ltd", "ＢＥＴＡ", "Delta"]);
    const acme = r.customers[0]!;
    expect(acme).toMatchObject({
      row: 2,
      key: "acme ltd",
      creditLimit: 50000,
      insuredLimit: 40000,
      yearsTrading: 12,
      altmanModel: "private",
    });
    expect(acme.altmanZ).toBeCloseTo(
      altmanZ(
        {
          workingCapital: 100,
          retainedEarnings: 200,
          ebit: 50,
          equity: 300,
          sales: 1000,
          totalAssets: 1000,
          totalLiabilities: 500,
        },
        "private",
      )!,
      12,
    );
    expect(r.customers[1]!.key).toBe("beta");
    expect(r.customers[1]!.altmanZ).toBeNull();
    expect(r.customers[2]!.altmanModel).toBe("nonmfg");
    const codes = r.issues.map((i) => [i.row, i.code]);
    expect(codes).toEqual([
      [4, "DUPLICATE_CUSTOMER"],
      [5, "BAD_NUMBER"],
      [6, "ALTMAN_INCOMPLETE"],
    ]);
    expect(r.issues[0]!.sheet).toBe("Customers");
  });

  test("two known headers are enough for a Customers sheet", () => {
    const r = readCustomers([
      ["客户", "信用额度"],
      ["上海甲公司", 1000],
    ]);
    expect(r.customers).toEqual([expect.objectContaining({ name: "上海甲公司", creditLimit: 1000 })]);
  });

  test("no customer column: reported, nothing read", () => {
    const r = readCustomers([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(r.customers).toEqual([]);
    expect(r.issues[0]!.code).toBe("NO_HEADER");
  });

  test("join: case-insensitive, trimmed, full width; unknown and missing reported", () => {
    const r = readCustomers(rows);
    const j = joinCustomers(
      [
        { customerKey: "acme ltd", customer: "ACME LTD" },
        { customerKey: "beta", customer: "Beta" },
        { customerKey: "omega", customer: "Omega" },
      ],
      r.customers,
    );
    expect([...j.byKey.keys()]).toEqual(["acme ltd", "beta"]);
    expect(j.unknown.map((c) => c.name)).toEqual(["Delta"]);
    expect(j.missing).toEqual(["Omega"]);
    expect(j.issues.map((i) => i.code)).toEqual(["UNKNOWN_CUSTOMER", "CUSTOMER_NOT_LISTED"]);
  });

  test("sheet names and model words", () => {
    expect(isCustomersSheetName("customers")).toBe(true);
    expect(isCustomersSheetName("客户")).toBe(true);
    expect(isCustomersSheetName("Invoices")).toBe(false);
    expect(parseAltmanModel("Public")).toBe("public");
    expect(parseAltmanModel("Z'")).toBe("private");
    expect(parseAltmanModel("非制造业")).toBe("nonmfg");
    expect(parseAltmanModel("what")).toBeNull();
  });
});
