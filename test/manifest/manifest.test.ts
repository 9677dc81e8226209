/** @jest-environment jsdom */
/**
 * Offline checks of manifest.xml (Microsoft's `office-addin-manifest validate` needs its online service):
 * well-formed XML, resource ids, one base URL, shared-runtime wiring, namespace, requirement sets,
 * permissions, zh-CN overrides and the icons it names.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const BASE = "https://localhost:3000/";
const text = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

function parse(xml: string): Document {
  return new DOMParser().parseFromString(xml, "application/xml");
}
function isWellFormed(doc: Document): boolean {
  return doc.getElementsByTagName("parsererror").length === 0;
}
const doc = parse(text);

/** Elements with this local name, in any namespace, in document order. */
function all(localName: string, root: Document | Element = doc): Element[] {
  return Array.from(root.getElementsByTagNameNS("*", localName));
}
function one(localName: string, root: Document | Element = doc): Element {
  const found = all(localName, root);
  if (found.length !== 1) throw new Error(`expected one <${localName}>, found ${found.length}`);
  return found[0];
}
function xsiType(el: Element): string | null {
  return el.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type");
}
const resources = one("Resources");
/** id → element for every resource (bt:Image, bt:Url, bt:String). */
const resourceById = new Map<string, Element>();
for (const el of [...all("Image", resources), ...all("Url", resources), ...all("String", resources)]) {
  if (el.getAttribute("id")) resourceById.set(el.getAttribute("id")!, el);
}
function resource(id: string | null): string {
  const el = resourceById.get(id ?? "");
  if (!el) throw new Error(`resource ${id} is not defined`);
  return el.getAttribute("DefaultValue") ?? "";
}
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}
const CJK = /[\u4e00-\u9fff]/;

describe("manifest.xml", () => {
  test("is well-formed XML (and the check rejects broken XML)", () => {
    expect(isWellFormed(doc)).toBe(true);
    expect(isWellFormed(parse(text.replace("</Hosts>", "</Host>")))).toBe(false);
    expect(doc.documentElement.localName).toBe("OfficeApp");
    expect(xsiType(doc.documentElement)).toBe("TaskPaneApp");
  });

  test("basic settings: fixed GUID, en-US default, Excel host, ReadWriteDocument", () => {
    expect(one("Id").textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(one("DefaultLocale").textContent).toBe("en-US");
    expect(one("ProviderName").textContent!.trim()).not.toBe("");
    expect(one("Permissions").textContent).toBe("ReadWriteDocument");
    const topHosts = all("Host").filter((h) => h.getAttribute("Name"));
    expect(topHosts.map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
    expect(all("AppDomain")).toHaveLength(0);
  });

  test("declares the requirement sets with versions", () => {
    const sets = new Map(all("Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]));
    expect(sets.get("SharedRuntime")).toBe("1.1");
    expect(sets.get("CustomFunctionsRuntime")).toBe("1.3");
    expect(sets.get("ExcelApi")).toBe("1.9");
  });

  test("every resid is defined once in Resources", () => {
    const ids = [...all("Image", resources), ...all("Url", resources), ...all("String", resources)].map((e) =>
      e.getAttribute("id"),
    );
    expect(new Set(ids).size).toBe(ids.length);
    const referenced = Array.from(doc.querySelectorAll("[resid]")).map((e) => e.getAttribute("resid")!);
    expect(referenced.length).toBeGreaterThan(10);
    const undefinedIds = referenced.filter((id) => !resourceById.has(id));
    expect(undefinedIds).toEqual([]);
  });

  test("every URL is under the one development base URL", () => {
    const urls: string[] = [];
    for (const el of Array.from(doc.getElementsByTagName("*"))) {
      for (const attr of ["DefaultValue", "Value"]) {
        const v = el.getAttribute(attr);
        if (v && /^[a-z]+:\/\//i.test(v)) urls.push(v);
      }
    }
    expect(urls.length).toBeGreaterThan(8);
    expect(urls.filter((u) => !u.startsWith(BASE))).toEqual([]);
  });

  test("shared runtime: Runtime, Page, FunctionFile and the task pane all use Taskpane.Url", () => {
    const runtime = one("Runtime");
    expect(runtime.getAttribute("lifetime")).toBe("long");
    const taskpaneResid = runtime.getAttribute("resid");
    expect(taskpaneResid).toBe("Taskpane.Url");
    expect(resource(taskpaneResid)).toBe(`${BASE}taskpane.html`);
    const customFunctions = all("ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions")!;
    expect(customFunctions.parentElement!.localName).toBe("AllFormFactors");
    expect(one("SourceLocation", one("Page", customFunctions)).getAttribute("resid")).toBe(taskpaneResid);
    expect(one("FunctionFile").getAttribute("resid")).toBe(taskpaneResid);
    // The ribbon button runs a function in that same runtime; the runtime must associate that name.
    const action = all("Action").find((a) => xsiType(a) === "ExecuteFunction")!;
    const functionName = one("FunctionName", action).textContent!;
    expect(functionName).toBe("scoreSheet");
    const actions = fs.readFileSync(path.join(__dirname, "../../src/commands/actions.ts"), "utf8");
    expect(actions).toContain(`Office.actions.associate("${functionName}"`);
    expect(one("SourceLocation", one("DefaultSettings")).getAttribute("DefaultValue")).toBe(
      `${BASE}taskpane.html`,
    );
    expect(resource(one("SourceLocation", one("Script", customFunctions)).getAttribute("resid"))).toBe(
      `${BASE}taskpane.js`,
    );
  });

  test("custom functions: namespace AR and metadata with a zh-CN override", () => {
    const customFunctions = all("ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions")!;
    expect(resource(one("Namespace", customFunctions).getAttribute("resid"))).toBe("AR");
    const metadataId = one("SourceLocation", one("Metadata", customFunctions)).getAttribute("resid");
    expect(resource(metadataId)).toBe(`${BASE}functions.json`);
    const override = one("Override", resourceById.get(metadataId!)!);
    expect(override.getAttribute("Locale")).toBe("zh-CN");
    expect(override.getAttribute("Value")).toBe(`${BASE}functions.zh-CN.json`);
  });

  test("ribbon: a Score sheet button in a group on the Home tab", () => {
    const tab = one("OfficeTab");
    expect(tab.getAttribute("id")).toBe("TabHome");
    const control = one("Control", one("Group", tab));
    expect(xsiType(control)).toBe("Button");
    expect(resource(one("Label", control).getAttribute("resid"))).toBe("Score sheet");
  });

  test("every English string has a zh-CN override within Office's length limits", () => {
    for (const tag of ["DisplayName", "Description"]) {
      const el = Array.from(doc.documentElement.children).find((c) => c.localName === tag)!;
      const zh = all("Override", el).find((o) => o.getAttribute("Locale") === "zh-CN");
      expect(zh?.getAttribute("Value")).toMatch(CJK);
    }
    const strings = all("String", resources);
    expect(strings.length).toBeGreaterThan(4);
    for (const s of strings) {
      const id = s.getAttribute("id")!;
      const zh = all("Override", s).find((o) => o.getAttribute("Locale") === "zh-CN");
      expect([id, zh?.getAttribute("Value")]).toEqual([
        id,
        expect.stringMatching(id === "Functions.Namespace" ? /^AR$/ : CJK),
      ]);
      const limit = s.parentElement!.localName === "ShortStrings" ? 125 : 250;
      for (const v of [s.getAttribute("DefaultValue")!, zh!.getAttribute("Value")!])
        expect(v.length).toBeLessThanOrEqual(limit);
    }
  });

  test("icons it names exist in assets/ with the declared sizes", () => {
    const iconUrls = [one("IconUrl"), one("HighResolutionIconUrl"), ...all("Image", resources)].map((e) =>
      e.getAttribute("DefaultValue")!,
    );
    expect(iconUrls.length).toBeGreaterThanOrEqual(5);
    for (const url of iconUrls) {
      expect(url.startsWith(`${BASE}assets/`)).toBe(true);
      const file = path.join(ROOT, url.slice(BASE.length));
      expect([url, fs.existsSync(file)]).toEqual([url, true]);
    }
    expect(pngSize(path.join(ROOT, "assets/icon-32.png")).width).toBe(32);
    expect(pngSize(path.join(ROOT, "assets/icon-64.png")).width).toBe(64);
    for (const image of all("Image").filter((e) => e.getAttribute("size"))) {
      const size = Number(image.getAttribute("size"));
      const file = path.join(ROOT, resource(image.getAttribute("resid")).slice(BASE.length));
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });
});
