/**
 * Chart proxies: the chart model (type, source, title, axis titles, legend, position) is stored here and drawn by the
 * playground from ../view/chart.ts.
 */
import { formatRect } from "../address";
import { invalidArg } from "../errors";
import type { SheetModel } from "../model/sheet";
import { type ChartModel, newId } from "../model/types";
import { readChartSource } from "../view/chart";
import { ClientResult, type PropDef, SimCollection, SimObject, installProxies } from "./proxy";
import type { Range } from "./range";
import { type RangeTarget, addrArg, alive, model, writable } from "./shared";
import { Worksheet } from "./worksheet";

export class ChartTitle extends SimObject {
  static override props: Record<string, PropDef> = {
    text: {
      get: (c: ChartModel) => c.title,
      set: (c: ChartModel, v: unknown, o: SimObject) => {
        c.title = String(v);
        model(o).version++;
      },
    },
    visible: { get: (c: ChartModel) => c.title !== "", set: () => undefined },
  };
}
/**
 * The legend. Unset, it follows Excel's default for a new chart: shown at the bottom when the chart has several
 * series, hidden for one (the single series' name then titles the chart) — the Excel 2013+ chart defaults; setting
 * `visible` or `position` is kept and drawn.
 */
export class ChartLegend extends SimObject {
  static override props: Record<string, PropDef> = {
    visible: {
      get: (c: ChartModel) => c.legend?.visible ?? chartSeriesCount(c) > 1,
      set: (c: ChartModel, v: unknown, o: SimObject) => {
        c.legend = { ...c.legend, visible: v === true };
        model(o).version++;
      },
    },
    position: {
      get: (c: ChartModel) => c.legend?.position ?? "Bottom",
      set: (c: ChartModel, v: unknown, o: SimObject) => {
        c.legend = { ...c.legend, position: String(v) };
        model(o).version++;
      },
    },
  };
}

/** An axis title (`chart.axes.valueAxis.title`): its text; visible while it has text. */
export class ChartAxisTitle extends SimObject {
  static override props: Record<string, PropDef> = {
    text: {
      get: (t: AxisTarget) => t.chart.axisTitles?.[t.axis] ?? "",
      set: (t: AxisTarget, v: unknown, o: SimObject) => {
        t.chart.axisTitles = { ...t.chart.axisTitles, [t.axis]: String(v) };
        model(o).version++;
      },
    },
    visible: {
      get: (t: AxisTarget) => (t.chart.axisTitles?.[t.axis] ?? "") !== "",
      set: (t: AxisTarget, v: unknown, o: SimObject) => {
        if (v === false) t.chart.axisTitles = { ...t.chart.axisTitles, [t.axis]: "" };
        model(o).version++;
      },
    },
  };
}

/** One axis of a chart; only its title is modelled. */
export class ChartAxis extends SimObject {
  static override navs = {
    title: (o: SimObject) => new ChartAxisTitle(o._ctx, o._path + ".title", () => o._resolveMaybe()),
  };
}

/** `chart.axes`: the category (x) and value (y) axes of a column chart. */
export class ChartAxes extends SimObject {
  static override navs = {
    categoryAxis: (o: SimObject) => axis(o, "category"),
    valueAxis: (o: SimObject) => axis(o, "value"),
  };
}

interface AxisTarget {
  chart: ChartModel;
  axis: "category" | "value";
}

function axis(o: SimObject, which: "category" | "value"): ChartAxis {
  return new ChartAxis(o._ctx, `${o._path}.${which}Axis`, () => {
    const chart = o._resolveMaybe() as ChartModel | null;
    return chart ? ({ chart, axis: which } satisfies AxisTarget) : null;
  });
}

/** How many series the chart's source gives (the view's reading of it: ../view/chart.ts). */
function chartSeriesCount(c: ChartModel): number {
  return readChartSource(c).series.length;
}

function chartProp(key: "left" | "top" | "width" | "height" | "name" | "type"): PropDef {
  return {
    get: (c: ChartModel) => c[key],
    set: (c: ChartModel, v: unknown, o: SimObject) => {
      (c as unknown as Record<string, unknown>)[key] = v;
      model(o).version++;
    },
  };
}

export class Chart extends SimObject {
  static override props: Record<string, PropDef> = {
    id: { get: (c: ChartModel) => c.id },
    name: chartProp("name"),
    chartType: chartProp("type"),
    left: chartProp("left"),
    top: chartProp("top"),
    width: chartProp("width"),
    height: chartProp("height"),
  };
  static override navs = {
    title: (o: SimObject) => new ChartTitle(o._ctx, o._path + ".title", () => o._resolveMaybe()),
    legend: (o: SimObject) => new ChartLegend(o._ctx, o._path + ".legend", () => o._resolveMaybe()),
    axes: (o: SimObject) => new ChartAxes(o._ctx, o._path + ".axes", () => o._resolveMaybe()),
    worksheet: (o: SimObject) =>
      new Worksheet(
        o._ctx,
        o._path + ".worksheet",
        () => (o._resolveMaybe() as ChartModel | null)?.sheet ?? null,
      ),
  };
  setPosition(startCell: Range | string, endCell?: Range | string): void {
    this._call(
      "setPosition",
      [addrArg(startCell), endCell === undefined ? null : addrArg(endCell)],
      (c: ChartModel) => {
        const addr = (x: Range | string): string =>
          typeof x === "string" ? x : formatRect(x._resolve<RangeTarget>().rect);
        c.position = { start: addr(startCell), ...(endCell !== undefined ? { end: addr(endCell) } : {}) };
        model(this).version++;
      },
    );
  }
  setSourceData(source: Range, seriesBy = "Auto"): void {
    this._call("setSourceData", [addrArg(source), seriesBy], (c: ChartModel) => {
      c.source = { ...source._resolve<RangeTarget>().rect };
      c.seriesBy = seriesBy;
      model(this).version++;
    });
  }
  delete(): void {
    this._call("delete", [], (c: ChartModel) => {
      c.sheet.charts = c.sheet.charts.filter((x) => x !== c);
      c.sheet.touch();
    });
  }
}

export class ChartCollection extends SimCollection<Chart> {
  static override props: Record<string, PropDef> = { count: { get: (s: SheetModel) => s.charts.length } };
  override _list(): unknown[] {
    return alive(this._resolve<SheetModel>()).charts;
  }
  override _item(c: ChartModel): Chart {
    return new Chart(this._ctx, `charts(${JSON.stringify(c.id)})`, () => c);
  }
  add(type: string, sourceData: Range, seriesBy = "Auto"): Chart {
    return this._make(Chart, "add", [type, addrArg(sourceData), seriesBy], () => {
      const s = writable(this._resolve<SheetModel>());
      const src = sourceData._resolve<RangeTarget>();
      if (typeof type !== "string" || !type) throw invalidArg("chart type");
      let name = "Chart 1";
      for (let i = 1; s.charts.some((c) => c.name === name); i++) name = `Chart ${i + 1}`;
      const c: ChartModel = {
        id: newId("chart"),
        name,
        type,
        sheet: s,
        source: { ...src.rect },
        seriesBy,
        title: "",
        left: 0,
        top: 0,
        width: 360,
        height: 216,
      };
      s.charts.push(c);
      s.touch();
      return c;
    });
  }
  private find(name: string): ChartModel | null {
    return (
      (this._list().find(
        (c) => (c as ChartModel).name === name || (c as ChartModel).id === name,
      ) as ChartModel | null) ?? null
    );
  }
  getItem(name: string): Chart {
    return this._getItem(Chart, name, (n) => this.find(n), "Chart");
  }
  getItemOrNullObject(name: string): Chart {
    return this._getItemOrNull(Chart, name, (n) => this.find(n));
  }
  getItemAt(index: number): Chart {
    return this._getItemAt(Chart, index, "Chart");
  }
  getCount(): ClientResult<number> {
    return this._listCount();
  }
}
installProxies({ ChartTitle, ChartLegend, ChartAxisTitle, ChartAxis, ChartAxes, Chart, ChartCollection });
