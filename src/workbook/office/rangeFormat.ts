/** Range formatting proxies: `range.format`, its fill, font and borders (borders accepted, not rendered). */
import { normalizeColor } from "../color";
import { invalidArg } from "../errors";
import { DEFAULT_COLUMN_WIDTH, DEFAULT_FONT, DEFAULT_ROW_HEIGHT, type StyleKey } from "../model/types";
import { type PropDef, SimObject, installProxies } from "./proxy";
import { type RangeTarget, uniformStyle, writable } from "./shared";

function styleProp(key: StyleKey, dflt: unknown, normalize: (v: unknown) => unknown = (v) => v): PropDef {
  return {
    get: (t: RangeTarget) => uniformStyle(t, (s) => s[key], dflt),
    set: (t: RangeTarget, v: unknown) => {
      writable(t.sheet).setStyle(t.rect, key, normalize(v) as never);
      t.sheet.touch();
    },
  };
}

export class RangeFill extends SimObject {
  static override props: Record<string, PropDef> = {
    color: {
      get: (t: RangeTarget) => uniformStyle(t, (s) => s.fill, "#FFFFFF"),
      set: (t: RangeTarget, v: unknown) => {
        const c = normalizeColor(v);
        writable(t.sheet).setStyle(t.rect, "fill", c === "" ? undefined : c);
        t.sheet.touch();
      },
    },
  };
  clear(): void {
    this._call("clear", [], (t: RangeTarget) => {
      writable(t.sheet).setStyle(t.rect, "fill", undefined);
      t.sheet.touch();
    });
  }
}

export class RangeFont extends SimObject {
  static override props: Record<string, PropDef> = {
    color: styleProp("fontColor", DEFAULT_FONT.color, (v) => normalizeColor(v) || undefined),
    bold: styleProp("bold", false, (v) => (v ? true : undefined)),
    italic: styleProp("italic", false, (v) => (v ? true : undefined)),
    name: styleProp("fontName", DEFAULT_FONT.name),
    size: styleProp("fontSize", DEFAULT_FONT.size),
  };
}

export class RangeFormat extends SimObject {
  static override props: Record<string, PropDef> = {
    columnWidth: {
      get: (t: RangeTarget) => t.sheet.colWidths.get(t.rect.c0) ?? DEFAULT_COLUMN_WIDTH,
      set: (t: RangeTarget, v: unknown) => {
        if (typeof v !== "number" || v < 0) throw invalidArg("columnWidth");
        writable(t.sheet);
        for (let c = t.rect.c0; c <= t.rect.c1; c++) t.sheet.colWidths.set(c, v);
        t.sheet.touch();
      },
    },
    rowHeight: {
      get: (t: RangeTarget) => t.sheet.rowHeights.get(t.rect.r0) ?? DEFAULT_ROW_HEIGHT,
      set: (t: RangeTarget, v: unknown) => {
        if (typeof v !== "number" || v < 0) throw invalidArg("rowHeight");
        writable(t.sheet);
        for (let r = t.rect.r0; r <= Math.min(t.rect.r1, t.rect.r0 + 100000); r++)
          t.sheet.rowHeights.set(r, v);
        t.sheet.touch();
      },
    },
    horizontalAlignment: styleProp("hAlign", "General"),
    verticalAlignment: { get: () => "Bottom", set: () => undefined },
    wrapText: styleProp("wrapText", false, (v) => (v ? true : undefined)),
  };
  static override navs = {
    fill: (o: SimObject) => new RangeFill(o._ctx, o._path + ".fill", () => o._resolveMaybe()),
    font: (o: SimObject) => new RangeFont(o._ctx, o._path + ".font", () => o._resolveMaybe()),
    borders: (o: SimObject) =>
      new RangeBorderCollection(o._ctx, o._path + ".borders", () => o._resolveMaybe()),
  };
  autofitColumns(): void {
    this._call("autofitColumns", [], () => undefined);
  }
  autofitRows(): void {
    this._call("autofitRows", [], () => undefined);
  }
}

/** Borders are accepted and ignored (not rendered). */
export class RangeBorderCollection extends SimObject {
  static override props: Record<string, PropDef> = { count: { get: () => 0 } };
  getItem(index: string): RangeBorder {
    return new RangeBorder(this._ctx, `${this._path}.getItem(${index})`, () => this._resolveMaybe());
  }
}
export class RangeBorder extends SimObject {
  static override props: Record<string, PropDef> = {
    color: { get: () => "#000000", set: (t: RangeTarget) => void writable(t.sheet) },
    style: { get: () => "None", set: (t: RangeTarget) => void writable(t.sheet) },
    weight: { get: () => "Thin", set: (t: RangeTarget) => void writable(t.sheet) },
  };
}
installProxies({ RangeFill, RangeFont, RangeFormat, RangeBorderCollection, RangeBorder });
