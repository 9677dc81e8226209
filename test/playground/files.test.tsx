/** @jest-environment jsdom */
/**
 * The playground's Open…/Save controls (src/playground/files): a file chosen in the input or dropped on the page
 * replaces the workbook; a refused file shows why in the page's language and leaves the workbook as it was; Save
 * downloads the .xlsx (Blob + object URL) and lists what the file does not carry.
 */
import "./jsdomPolyfills";
import * as fs from "node:fs";
import * as path from "node:path";
import { act, fireEvent, render, screen } from "@testing-library/react";
import ExcelJS from "exceljs";
import { FileControls } from "../../src/playground/files/FileControls";
import { bindFileSession } from "../../src/playground/files/session";
import { SimWorkbook } from "../../src/workbook";

const FILES = path.join(__dirname, "..", "fixtures", "files");
const loadNode = async () => ExcelJS;

/** A browser File whose arrayBuffer() works in jsdom (its Blob lacks the method in some versions). */
function fileOf(name: string, bytes: Uint8Array): File {
  const f = new File([bytes as BlobPart], name);
  Object.defineProperty(f, "arrayBuffer", { value: async () => new Uint8Array(bytes).buffer });
  return f;
}

function setup(lang: string) {
  const wb = new SimWorkbook();
  wb.loadWorkbook([
    {
      name: "Ledger",
      values: [
        ["Customer", "Amount"],
        ["Acme", 100],
      ],
    },
  ]);
  const onOpened = jest.fn();
  bindFileSession({ workbook: wb, onOpened });
  render(<FileControls lang={lang} loadExcelJs={loadNode} />);
  return { wb, onOpened };
}

async function choose(file: File) {
  const input = screen.getByTestId("open-file") as HTMLInputElement;
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
    await new Promise((r) => setTimeout(r, 50));
  });
}

test("the input accepts .xlsx and .csv", () => {
  setup("en-US");
  expect(screen.getByTestId("open-file").getAttribute("accept")).toBe(".xlsx,.csv");
  expect(screen.getByTestId("open-button").textContent).toBe("Open…");
  expect(screen.getByTestId("save-button").textContent).toBe("Save as .xlsx");
});

test.each([
  ["en-US", /legacy Excel 97–2003 workbook/, /was not opened; the workbook is unchanged/],
  ["zh-CN", /旧版 Excel 97–2003 工作簿/, /工作簿保持不变/],
])("a legacy .xls is refused in %s and the workbook is untouched", async (lang, why, title) => {
  const { wb, onOpened } = setup(lang);
  const before = wb.getValues("Ledger");
  await choose(fileOf("old.xls", fs.readFileSync(path.join(FILES, "legacy-excel97.xls"))));
  const alert = screen.getByRole("alert");
  expect(alert.textContent).toMatch(why);
  expect(alert.textContent).toMatch(title);
  expect(wb.sheetNames()).toEqual(["Ledger"]);
  expect(wb.getValues("Ledger")).toEqual(before);
  expect(onOpened).not.toHaveBeenCalled();
});

test("a GB18030 CSV dropped on the page opens and says how it was read", async () => {
  const { wb, onOpened } = setup("zh-CN");
  const bytes = fs.readFileSync(path.join(FILES, "应收账款-gb18030.csv"));
  const file = fileOf("应收账款.csv", bytes);
  const drop = new Event("drop", { bubbles: true, cancelable: true });
  Object.defineProperty(drop, "dataTransfer", { value: { types: ["Files"], files: [file] } });
  await act(async () => {
    document.body.dispatchEvent(drop);
    await new Promise((r) => setTimeout(r, 50));
  });
  expect(drop.defaultPrevented).toBe(true); // the browser does not navigate to the file
  expect(wb.sheetNames()).toEqual(["应收账款"]);
  expect(wb.getValues("应收账款")[1]).toEqual(["华东机电有限公司", "FP-001", 1200.5]);
  expect(onOpened).toHaveBeenCalledTimes(1);
  expect(screen.getByRole("status").textContent).toMatch(/GB18030/);
});

test("Save downloads the workbook as .xlsx through an object URL and lists what the file cannot carry", async () => {
  const { wb } = setup("en-US");
  wb.settings.set("crt.policy", "{}");
  let blob: Blob | null = null;
  const created = jest.fn((b: Blob) => {
    blob = b;
    return "blob:test/1";
  });
  Object.assign(URL, { createObjectURL: created, revokeObjectURL: jest.fn() });
  const clicks: { href: string; download: string }[] = [];
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    clicks.push({ href: this.href, download: this.download });
  });
  await act(async () => {
    fireEvent.click(screen.getByTestId("save-button"));
    await new Promise((r) => setTimeout(r, 200));
  });
  expect(clicks).toEqual([{ href: "blob:test/1", download: "credit-risk-playground.xlsx" }]);
  expect(blob!.type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const back = new ExcelJS.Workbook();
  const saved = await new Promise<ArrayBuffer>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.readAsArrayBuffer(blob!);
  });
  await back.xlsx.load(saved);
  expect(back.getWorksheet("Ledger")!.getCell("A2").value).toBe("Acme");
  expect(screen.getByRole("status").textContent).toMatch(/Not in the saved file:.*crt\.policy/s);
});
