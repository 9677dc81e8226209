/** Defined names: `NamedItem` and `NamedItemCollection` (workbook- and worksheet-scoped). */
import { formatRect, parseAddress, quoteSheet } from "../address";
import { SimError, SimErrorCodes, invalidArg, notFound } from "../errors";
import type { SheetModel } from "../model/sheet";
import type { NameModel } from "../model/types";
import type { WorkbookModel } from "../model/workbook";
import { ClientResult, type PropDef, SimCollection, SimObject, installProxies } from "./proxy";
import { Range } from "./range";
import { type RangeTarget, addrArg, model } from "./shared";

interface NameScope {
  scope: SheetModel | undefined;
}

/** Resolves a name's formula to a range target, or null when it is not a reference. */
export function nameRange(wb: WorkbookModel, n: NameModel): RangeTarget | null {
  const f = n.formula.replace(/^=/, "");
  if (!f.includes("!")) return null;
  try {
    const p = parseAddress(f);
    const sheet = p.sheet ? wb.sheet(p.sheet) : n.sheet;
    return sheet ? { sheet, rect: { r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 } } : null;
  } catch {
    return null;
  }
}

function nameValue(wb: WorkbookModel, n: NameModel): { type: string; value: unknown } {
  const r = nameRange(wb, n);
  if (r) return { type: "Range", value: n.formula.replace(/^=/, "") };
  const f = n.formula.replace(/^=/, "");
  if (/^".*"$/.test(f)) return { type: "String", value: f.slice(1, -1).replace(/""/g, '"') };
  if (/^[+-]?\d+(\.\d+)?$/.test(f)) return { type: "Double", value: Number(f) };
  if (/^(TRUE|FALSE)$/i.test(f)) return { type: "Boolean", value: /^TRUE$/i.test(f) };
  if (/^#/.test(f)) return { type: "Error", value: f };
  return { type: "Formula", value: f };
}

export class NamedItem extends SimObject {
  static override props: Record<string, PropDef> = {
    name: { get: (n: NameModel) => n.name },
    type: { get: (n: NameModel, o) => nameValue(model(o), n).type },
    value: { get: (n: NameModel, o) => nameValue(model(o), n).value },
    formula: {
      get: (n: NameModel) => n.formula,
      set: (n: NameModel, v: unknown, o: SimObject) => {
        n.formula = String(v).startsWith("=") ? String(v) : `=${String(v)}`;
        model(o).version++;
      },
    },
    comment: {
      get: (n: NameModel) => n.comment,
      set: (n: NameModel, v: unknown, o: SimObject) => {
        n.comment = String(v);
        model(o).version++;
      },
    },
    visible: {
      get: (n: NameModel) => n.visible,
      set: (n: NameModel, v: unknown, o: SimObject) => {
        n.visible = !!v;
        model(o).version++;
      },
    },
    scope: { get: (n: NameModel) => (n.sheet ? "Worksheet" : "Workbook") },
  };
  getRange(): Range {
    return this._make(Range, "getRange", [], () => {
      const r = nameRange(model(this), this._resolve<NameModel>());
      if (!r) throw invalidArg("the name does not refer to a range");
      return r;
    });
  }
  getRangeOrNullObject(): Range {
    return this._make(
      Range,
      "getRangeOrNullObject",
      [],
      () => {
        const n = this._resolveMaybe() as NameModel | null;
        return n ? nameRange(model(this), n) : null;
      },
      true,
    );
  }
  delete(): void {
    this._call("delete", [], (n: NameModel) => {
      const wb = model(this);
      if (!wb.names.includes(n)) throw notFound(`Name '${n.name}'`);
      wb.names = wb.names.filter((x) => x !== n);
      wb.version++;
    });
  }
}

export class NamedItemCollection extends SimCollection<NamedItem> {
  override _list(): unknown[] {
    const s = this._resolve<NameScope>();
    return model(this).names.filter((n) => n.sheet === s.scope);
  }
  override _item(n: NameModel): NamedItem {
    return new NamedItem(this._ctx, `names(${JSON.stringify(n.name)})`, () => n);
  }
  private find(name: string): NameModel | null {
    return model(this).name(name, this._resolve<NameScope>().scope) ?? null;
  }
  /** `reference` is a Range or a formula/address string ("=Sheet1!$A$1", "=0.5", "Sheet1!A1"). */
  add(name: string, reference: Range | string, comment?: string): NamedItem {
    return this._make(NamedItem, "add", [name, addrArg(reference), comment ?? ""], () => {
      const wb = model(this);
      const scope = this._resolve<NameScope>().scope;
      if (
        !/^[A-Za-z_\\\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) ||
        /^[A-Za-z]{1,3}\d+$/.test(name) ||
        /^[rRcC]$/.test(name)
      ) {
        throw invalidArg(`name ${JSON.stringify(name)}`);
      }
      if (wb.name(name, scope) || (!scope && wb.table(name))) {
        throw new SimError(SimErrorCodes.itemAlreadyExists, `The name '${name}' already exists.`);
      }
      let formula: string;
      if (typeof reference === "string") {
        formula = reference.startsWith("=") ? reference : `=${reference}`;
      } else {
        const t = reference._resolve<RangeTarget>();
        formula = `=${quoteSheet(t.sheet.name)}!${formatRect(t.rect, true)}`;
      }
      const n: NameModel = { name, formula, comment: comment ?? "", visible: true, sheet: scope };
      wb.names.push(n);
      wb.version++;
      return n;
    });
  }
  getItem(name: string): NamedItem {
    return this._getItem(NamedItem, name, (n) => this.find(n), "Name");
  }
  getItemOrNullObject(name: string): NamedItem {
    return this._getItemOrNull(NamedItem, name, (n) => this.find(n));
  }
  getCount(): ClientResult<number> {
    return this._listCount();
  }
}
installProxies({ NamedItem, NamedItemCollection });
