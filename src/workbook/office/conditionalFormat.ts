/** Conditional-format proxies: the collection, rules of each type and their formats. */
import { type Rect, intersect } from "../address";
import { clearRules } from "../model/conditionalFormats";
import { normalizeColor } from "../color";
import { SimError, SimErrorCodes, invalidArg, notFound } from "../errors";
import type { SheetModel } from "../model/sheet";
import { type CfFormat, type CfModel, newCfModel } from "../model/types";
import { ClientResult, type PropDef, SimCollection, SimObject, installProxies } from "./proxy";
import { Range } from "./range";
import { RangeAreas, type RangeAreasTarget } from "./rangeAreas";
import { type RangeTarget, alive, model, writable } from "./shared";

/** Conditional format types and cell-value operators as Office.js spells them (also the Excel enums in host.ts). */
export const CF_TYPES = [
  "Custom",
  "DataBar",
  "ColorScale",
  "IconSet",
  "TopBottom",
  "PresetCriteria",
  "ContainsText",
  "CellValue",
];
export const CF_OPERATORS = [
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqual",
  "LessThanOrEqual",
];

const touches = (cf: CfModel, rect: Rect): boolean => cf.ranges.some((r) => !!intersect(r, rect));

function aliveCf(cf: CfModel, o: SimObject): CfModel {
  if (!model(o).sheets.some((s) => s.cfs.includes(cf))) throw notFound("Conditional format");
  return cf;
}
const sheetOfCf = (cf: CfModel, o: SimObject): SheetModel => model(o).sheets.find((s) => s.cfs.includes(cf))!;

function cfOfType(o: SimObject, type: string): CfModel {
  const cf = aliveCf(o._resolve<CfModel>(), o);
  if (cf.type !== type)
    throw new SimError(SimErrorCodes.invalidOperation, `This conditional format is not of type ${type}.`);
  writable(sheetOfCf(cf, o));
  return cf;
}

/** Fill/font of a conditional format (custom or cellValue). Target is the CfFormat object. */
export class ConditionalRangeFill extends SimObject {
  static override props: Record<string, PropDef> = {
    color: {
      get: (f: CfFormat) => f.fill ?? null,
      set: (f: CfFormat, v: unknown, o: SimObject) => {
        f.fill = normalizeColor(v) || undefined;
        model(o).version++;
      },
    },
  };
  clear(): void {
    this._call("clear", [], (f: CfFormat) => {
      delete f.fill;
      model(this).version++;
    });
  }
}
export class ConditionalRangeFont extends SimObject {
  static override props: Record<string, PropDef> = {
    color: {
      get: (f: CfFormat) => f.fontColor ?? null,
      set: (f: CfFormat, v: unknown, o: SimObject) => {
        f.fontColor = normalizeColor(v) || undefined;
        model(o).version++;
      },
    },
    bold: {
      get: (f: CfFormat) => f.bold ?? false,
      set: (f: CfFormat, v: unknown, o: SimObject) => {
        f.bold = !!v;
        model(o).version++;
      },
    },
    italic: {
      get: (f: CfFormat) => f.italic ?? false,
      set: (f: CfFormat, v: unknown, o: SimObject) => {
        f.italic = !!v;
        model(o).version++;
      },
    },
  };
}
export class ConditionalRangeFormat extends SimObject {
  static override props: Record<string, PropDef> = {
    numberFormat: { get: () => null, set: () => undefined },
  };
  static override navs = {
    fill: (o: SimObject) => new ConditionalRangeFill(o._ctx, o._path + ".fill", () => o._resolveMaybe()),
    font: (o: SimObject) => new ConditionalRangeFont(o._ctx, o._path + ".font", () => o._resolveMaybe()),
  };
}

export class ConditionalFormatRule extends SimObject {
  static override props: Record<string, PropDef> = {
    formula: {
      get: (cf: CfModel) => cf.custom.formula,
      set: (cf: CfModel, v: unknown, o: SimObject) => {
        if (typeof v !== "string" || v === "") throw invalidArg("rule formula");
        cf.custom.formula = v;
        model(o).version++;
      },
    },
    formulaLocal: { get: (cf: CfModel) => cf.custom.formula },
  };
}

export class CustomConditionalFormat extends SimObject {
  static override navs = {
    rule: (o: SimObject) => new ConditionalFormatRule(o._ctx, o._path + ".rule", () => cfOfType(o, "Custom")),
    format: (o: SimObject) =>
      new ConditionalRangeFormat(o._ctx, o._path + ".format", () => cfOfType(o, "Custom").custom.format),
  };
}

export class CellValueConditionalFormat extends SimObject {
  static override props: Record<string, PropDef> = {
    rule: {
      get: (cf: CfModel) => ({
        formula1: cf.cellValue.formula1,
        formula2: cf.cellValue.formula2,
        operator: cf.cellValue.operator,
      }),
      set: (cf: CfModel, v: unknown, o: SimObject) => {
        const rule = v as { formula1?: unknown; formula2?: unknown; operator?: unknown };
        cfOfType(o, "CellValue");
        if (!rule || typeof rule.formula1 !== "string" || !CF_OPERATORS.includes(String(rule.operator))) {
          throw invalidArg("cellValue rule needs formula1 and a valid operator");
        }
        if (
          (rule.operator === "Between" || rule.operator === "NotBetween") &&
          typeof rule.formula2 !== "string"
        ) {
          throw invalidArg("cellValue rule needs formula2 for Between");
        }
        cf.cellValue.formula1 = rule.formula1;
        cf.cellValue.formula2 = typeof rule.formula2 === "string" ? rule.formula2 : undefined;
        cf.cellValue.operator = String(rule.operator);
        model(o).version++;
      },
    },
  };
  static override navs = {
    format: (o: SimObject) =>
      new ConditionalRangeFormat(
        o._ctx,
        o._path + ".format",
        () => cfOfType(o, "CellValue").cellValue.format,
      ),
  };
}

export class ColorScaleConditionalFormat extends SimObject {
  static override props: Record<string, PropDef> = {
    criteria: {
      get: (cf: CfModel) => JSON.parse(JSON.stringify(cf.colorScale)),
      set: (cf: CfModel, v: unknown, o: SimObject) => {
        cfOfType(o, "ColorScale");
        const c = v as CfModel["colorScale"];
        if (!c || !c.minimum || !c.maximum) throw invalidArg("colorScale criteria need minimum and maximum");
        const norm = (x?: { type?: string; formula?: string; color?: string }) =>
          x && {
            type: String(x.type ?? "LowestValue"),
            formula: x.formula,
            color: normalizeColor(x.color ?? "#FFFFFF"),
          };
        cf.colorScale = { minimum: norm(c.minimum), midpoint: norm(c.midpoint), maximum: norm(c.maximum) };
        model(o).version++;
      },
    },
    threeColorScale: { get: (cf: CfModel) => !!cf.colorScale.midpoint },
  };
}

export class ConditionalDataBarPositiveFormat extends SimObject {
  static override props: Record<string, PropDef> = {
    fillColor: {
      get: (cf: CfModel) => cf.dataBar.positiveFillColor,
      set: (cf: CfModel, v: unknown, o: SimObject) => {
        cf.dataBar.positiveFillColor = normalizeColor(v) || "#638EC6";
        model(o).version++;
      },
    },
    gradientFill: { get: () => true, set: () => undefined },
    borderColor: { get: () => "", set: () => undefined },
  };
}
export class ConditionalDataBarNegativeFormat extends SimObject {
  static override props: Record<string, PropDef> = {
    fillColor: {
      get: (cf: CfModel) => cf.dataBar.negativeFillColor,
      set: (cf: CfModel, v: unknown, o: SimObject) => {
        cf.dataBar.negativeFillColor = normalizeColor(v) || "#FF0000";
        model(o).version++;
      },
    },
    borderColor: { get: () => "", set: () => undefined },
    matchPositiveFillColor: { get: () => false, set: () => undefined },
  };
}

export class DataBarConditionalFormat extends SimObject {
  static override props: Record<string, PropDef> = {
    barDirection: {
      get: (cf: CfModel) => cf.dataBar.barDirection,
      set: (cf: CfModel, v: unknown, o: SimObject) => {
        if (!["Context", "LeftToRight", "RightToLeft"].includes(String(v))) throw invalidArg("barDirection");
        cf.dataBar.barDirection = String(v);
        model(o).version++;
      },
    },
    showDataBarOnly: {
      get: (cf: CfModel) => cf.dataBar.showDataBarOnly,
      set: (cf: CfModel, v: unknown, o: SimObject) => {
        cf.dataBar.showDataBarOnly = !!v;
        model(o).version++;
      },
    },
    axisColor: { get: () => "#000000", set: () => undefined },
    axisFormat: { get: () => "Automatic", set: () => undefined },
    lowerBoundRule: { get: () => ({ type: "LowestValue" }), set: () => undefined },
    upperBoundRule: { get: () => ({ type: "HighestValue" }), set: () => undefined },
  };
  static override navs = {
    positiveFormat: (o: SimObject) =>
      new ConditionalDataBarPositiveFormat(o._ctx, o._path + ".positiveFormat", () => cfOfType(o, "DataBar")),
    negativeFormat: (o: SimObject) =>
      new ConditionalDataBarNegativeFormat(o._ctx, o._path + ".negativeFormat", () => cfOfType(o, "DataBar")),
  };
}

export class ConditionalFormat extends SimObject {
  static override props: Record<string, PropDef> = {
    id: { get: (cf: CfModel) => cf.id },
    type: { get: (cf: CfModel) => cf.type },
    priority: {
      get: (cf: CfModel, o: SimObject) => sheetOfCf(cf, o).cfs.indexOf(cf),
      set: (cf: CfModel, v: unknown, o: SimObject) => {
        const s = writable(sheetOfCf(aliveCf(cf, o), o));
        if (typeof v !== "number" || v < 0) throw invalidArg("priority");
        s.cfs = s.cfs.filter((x) => x !== cf);
        s.cfs.splice(Math.min(v, s.cfs.length), 0, cf);
        s.touch();
      },
    },
    stopIfTrue: {
      get: (cf: CfModel) => cf.stopIfTrue,
      set: (cf: CfModel, v: unknown, o: SimObject) => {
        cf.stopIfTrue = !!v;
        model(o).version++;
      },
    },
  };
  static override navs = {
    custom: (o: SimObject) =>
      new CustomConditionalFormat(o._ctx, o._path + ".custom", () => o._resolveMaybe()),
    cellValue: (o: SimObject) =>
      new CellValueConditionalFormat(o._ctx, o._path + ".cellValue", () => o._resolveMaybe()),
    colorScale: (o: SimObject) =>
      new ColorScaleConditionalFormat(o._ctx, o._path + ".colorScale", () => o._resolveMaybe()),
    dataBar: (o: SimObject) =>
      new DataBarConditionalFormat(o._ctx, o._path + ".dataBar", () => o._resolveMaybe()),
  };
  /** "Throws an error if the conditional format is applied to multiple ranges" (@types/office-js). */
  getRange(): Range {
    return this._make(Range, "getRange", [], () => {
      const cf = aliveCf(this._resolve<CfModel>(), this);
      if (cf.ranges.length > 1)
        throw new SimError(
          SimErrorCodes.invalidOperation,
          "The conditional format applies to several ranges.",
        );
      return { sheet: sheetOfCf(cf, this), rect: { ...cf.ranges[0]! } };
    });
  }
  /** Every range the rule applies to (ExcelApi 1.9). */
  getRanges(): RangeAreas {
    return this._make(RangeAreas, "getRanges", [], (): RangeAreasTarget => {
      const cf = aliveCf(this._resolve<CfModel>(), this);
      return { sheet: sheetOfCf(cf, this), rects: cf.ranges.map((r) => ({ ...r })) };
    });
  }
  getRangeOrNullObject(): Range {
    return this._make(
      Range,
      "getRangeOrNullObject",
      [],
      () => {
        const cf = this._resolveMaybe() as CfModel | null;
        const s = cf && model(this).sheets.find((x) => x.cfs.includes(cf));
        return s && cf && cf.ranges.length === 1 ? { sheet: s, rect: { ...cf.ranges[0]! } } : null;
      },
      true,
    );
  }
  delete(): void {
    this._call("delete", [], (cf: CfModel) => {
      const s = writable(sheetOfCf(aliveCf(cf, this), this));
      s.cfs = s.cfs.filter((x) => x !== cf);
      s.touch();
    });
  }
}

export class ConditionalFormatCollection extends SimCollection<ConditionalFormat> {
  static override props: Record<string, PropDef> = {
    count: { get: (t: RangeTarget) => t.sheet.cfs.filter((cf) => touches(cf, t.rect)).length },
  };
  override _list(): unknown[] {
    const t = this._resolve<RangeTarget>();
    return alive(t.sheet).cfs.filter((cf) => touches(cf, t.rect));
  }
  override _item(cf: CfModel): ConditionalFormat {
    return new ConditionalFormat(this._ctx, `conditionalFormats(${JSON.stringify(cf.id)})`, () => cf);
  }
  /** Adds a rule at priority 0 (evaluated first), like Excel. */
  add(type: string): ConditionalFormat {
    return this._make(ConditionalFormat, "add", [type], () => {
      const t = this._resolve<RangeTarget>();
      const sheet = writable(t.sheet);
      if (!CF_TYPES.includes(type)) throw invalidArg(`conditional format type ${type}`);
      const cf = newCfModel(type, [{ ...t.rect }]);
      if (type === "ColorScale") {
        cf.colorScale = {
          minimum: { type: "LowestValue", color: "#F8696B" },
          midpoint: { type: "Percentile", formula: "50", color: "#FFEB84" },
          maximum: { type: "HighestValue", color: "#63BE7B" },
        };
      }
      sheet.cfs.unshift(cf);
      sheet.touch();
      return cf;
    });
  }
  getItem(id: string): ConditionalFormat {
    return this._getItem(
      ConditionalFormat,
      id,
      (key) => (this._list() as CfModel[]).find((x) => x.id === key),
      "Conditional format",
    );
  }
  getItemAt(index: number): ConditionalFormat {
    return this._getItemAt(ConditionalFormat, index, "Conditional format");
  }
  getCount(): ClientResult<number> {
    return this._listCount();
  }
  clearAll(): void {
    this._call("clearAll", [], (t: RangeTarget) => {
      // Like Excel's "Clear Rules from Selected Cells": rules keep the cells outside the range.
      const sheet = writable(t.sheet);
      clearRules(sheet, t.rect);
      sheet.touch();
    });
  }
}
installProxies({
  ConditionalRangeFill,
  ConditionalRangeFont,
  ConditionalRangeFormat,
  ConditionalFormatRule,
  CustomConditionalFormat,
  CellValueConditionalFormat,
  ColorScaleConditionalFormat,
  ConditionalDataBarPositiveFormat,
  ConditionalDataBarNegativeFormat,
  DataBarConditionalFormat,
  ConditionalFormat,
  ConditionalFormatCollection,
});
