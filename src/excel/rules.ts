/**
 * Our conditional formats: added on our output columns (and the source data rows for the breach tint), found
 * again by the marker every formula we write starts with (`AND(N("crt:<id>")=0, …)`), whatever columns were
 * inserted or moved since. The analyst's own rules are never touched.
 */
import type { RuleSignature } from "./runRecord";
import { CF_MARKER, rectAddress, resolveFormula, type CfRule, type Rect } from "./writePlan";

/** Where the output sits, to place rules: header row rect of our block and the source's first column. */
export interface RuleGeometry {
  output: Rect;
  sourceCol: number;
  keys: string[];
}

/** Queues loading of the sheet's conditional formats, their type and id (1st of the two lookup syncs). */
export function queueRuleScan(sheet: Excel.Worksheet): Excel.ConditionalFormatCollection {
  const cfs = sheet.getRange().conditionalFormats;
  cfs.load("items/type,items/id");
  return cfs;
}

/** Queues loading of the formulas of custom rules (2nd lookup sync); returns the custom rule proxies. */
export function queueRuleFormulas(cfs: Excel.ConditionalFormatCollection): Excel.ConditionalFormat[] {
  const custom = cfs.items.filter((cf) => cf.type === Excel.ConditionalFormatType.custom);
  custom.forEach((cf) => cf.custom.rule.load("formula"));
  return custom;
}

/** True for a formula written by us. */
export function isOurFormula(formula: string): boolean {
  return formula.includes(CF_MARKER);
}

/** Queues deletion of our custom rules among `custom` (formulas loaded); returns how many. */
export function queueDeleteOurRules(custom: Excel.ConditionalFormat[]): number {
  const ours = custom.filter((cf) => isOurFormula(cf.custom.rule.formula));
  ours.forEach((cf) => cf.delete());
  return ours.length;
}

/** Queues adding the plan's rules; returns their signatures (for the run record). */
export function queueAddRules(sheet: Excel.Worksheet, rules: CfRule[], g: RuleGeometry): RuleSignature[] {
  const dataRows = g.output.rowCount - 1;
  if (dataRows <= 0) return [];
  const firstDataRow = g.output.row + 1;
  const columnOf = (key: string): number | undefined => {
    const i = g.keys.indexOf(key);
    return i < 0 ? undefined : g.output.col + i;
  };
  const sigs: RuleSignature[] = [];
  for (const rule of rules) {
    let rect: Rect;
    if (rule.target === "sourceRows") {
      const lastCol = g.output.col + g.output.colCount - 1;
      rect = { row: firstDataRow, col: g.sourceCol, rowCount: dataRows, colCount: lastCol - g.sourceCol + 1 };
    } else {
      const c = columnOf(rule.target);
      if (c === undefined) continue;
      rect = { row: firstDataRow, col: c, rowCount: dataRows, colCount: 1 };
    }
    const range = sheet.getRangeByIndexes(rect.row, rect.col, rect.rowCount, rect.colCount);
    if (rule.kind === "custom") {
      const formula = resolveFormula(rule, columnOf, firstDataRow);
      const cf = range.conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = formula;
      if (rule.fill) cf.custom.format.fill.color = rule.fill;
      if (rule.fontColor) cf.custom.format.font.color = rule.fontColor;
      sigs.push({
        id: rule.id,
        address: rectAddress(rect.row, rect.col, rect.rowCount, rect.colCount),
        formula,
      });
    } else {
      const cf = range.conditionalFormats.add(Excel.ConditionalFormatType.dataBar);
      cf.dataBar.positiveFormat.fillColor = rule.color;
    }
  }
  return sigs;
}
