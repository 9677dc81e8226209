/**
 * `credit-risk score`: opens an .xlsx or .csv file into the in-memory workbook the playground uses (src/workbook),
 * installs that workbook's simulated `Office`/`Excel` namespaces as the tests do, and runs the add-in's own
 * "Score this sheet" (src/excel: previewSource for the columns, then scoreActiveSheet — the same reader, engine and
 * writer as in Excel), then saves the whole workbook as .xlsx.
 *
 * Columns: the command line cannot ask, so it uses the columns the header row gives (as the pane's mapping preview
 * detects them) and stops with the problems when a required column is missing or two roles claim one column.
 * Progress goes to stderr only when stderr is a terminal; stdout carries the KPIs (one JSON object with --json).
 * Exit codes: 0 scored and saved, 1 the file or its data cannot be scored, 2 wrong command line.
 */
import type { ScoreResult } from "../engine/pipeline";
import { DEFAULT_POLICY, type Policy } from "../engine/policy";
import { isoFromSerial } from "../engine/serial";
import { detectHeaderRow, detectMapping, validateMapping } from "../engine/sheet/headers";
import { columnLetter } from "../engine/sheet/normalize";
import type { ColumnMapping, Msg } from "../engine/sheet/types";
import { scoreActiveSheet, todaySerial } from "../excel/scoreActiveSheet";
import type { ScoreProgress } from "../excel/scoreSheet";
import { previewSource } from "../excel/selection";
import { SimWorkbook, installSimulator } from "../workbook";
import { openWorkbookFile, saveWorkbookFile, type ExcelJsModule, type InflateRaw } from "../workbook/io";
import { USAGE, parseArgs, type CliLang, type ScoreArgs } from "./args";
import { applyMapping, readPolicyFile } from "./options";
import { CLI_TEXT, formatReport, type Report } from "./report";

/** What the command line needs from its surroundings (process, file system, ExcelJS), so tests can run it. */
export interface CliIo {
  readFile(path: string): Uint8Array;
  writeFile(path: string, bytes: Uint8Array): void;
  /** Absolute, normalised path (to tell whether --out names the input). */
  resolve(path: string): string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** stderr is a terminal: show progress. */
  isTTY: boolean;
  loadExcelJs(): Promise<ExcelJsModule>;
  /** Raw DEFLATE for reading large sheets (src/workbook/io/fastCells.ts); default DecompressionStream. */
  inflateRaw?: InflateRaw;
}

export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

const pick = (m: Msg, lang: CliLang): string => (lang === "zh-CN" ? m.zh : m.en);

/** Default output path: `<dir>/<base>.scored.xlsx` next to the input. */
export function defaultOutput(input: string): string {
  const slash = Math.max(input.lastIndexOf("/"), input.lastIndexOf("\\"));
  const dir = input.slice(0, slash + 1);
  const base = input.slice(slash + 1).replace(/\.(xlsx|csv|txt|tsv)$/i, "");
  return `${dir}${base}.scored.xlsx`;
}

const PHASES: Record<string, Msg> = {
  open: { en: "opening", zh: "正在打开" },
  read: { en: "reading", zh: "正在读取" },
  compute: { en: "scoring", zh: "正在评分" },
  write: { en: "writing columns", zh: "正在写入列" },
  format: { en: "highlighting", zh: "正在设置格式" },
  summary: { en: "summary sheet", zh: "正在生成汇总表" },
  save: { en: "saving", zh: "正在保存" },
};

/** Runs the command line; returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    if (parsed.json)
      io.stdout(
        `${JSON.stringify({ status: "error", exitCode: EXIT.usage, message: pick(parsed.message, parsed.lang).split("\n\n")[0] })}\n`,
      );
    io.stderr(`${pick(parsed.message, parsed.lang)}\n`);
    return EXIT.usage;
  }
  if ("help" in parsed) {
    io.stdout(`${pick(USAGE, parsed.lang)}\n`);
    return EXIT.ok;
  }
  return score(parsed.args, io);
}

async function score(args: ScoreArgs, io: CliIo): Promise<number> {
  const lang = args.lang;
  const say = (m: Msg) => pick(m, lang);
  const fail = (code: 1 | 2, message: Msg, extra: Record<string, unknown> = {}): number => {
    if (args.json)
      io.stdout(`${JSON.stringify({ status: "error", exitCode: code, message: say(message), ...extra })}\n`);
    else io.stderr(`${say(CLI_TEXT.error)}: ${say(message)}\n`);
    return code;
  };
  let lastLine = "";
  const progress = (phase: string, done?: number, total?: number): void => {
    if (!io.isTTY) return;
    const pct = done !== undefined && total ? ` ${Math.floor((100 * done) / total)}%` : "";
    const line = `${say(PHASES[phase] ?? { en: phase, zh: phase })}…${pct}`;
    if (line === lastLine) return;
    lastLine = line;
    io.stderr(`\r\x1b[K${line}`);
  };
  const endProgress = () => {
    if (io.isTTY && lastLine) io.stderr("\r\x1b[K");
  };

  let bytes: Uint8Array;
  try {
    bytes = io.readFile(args.input);
  } catch (err) {
    return fail(EXIT.badInput, CLI_TEXT.cannotRead(args.input, (err as Error).message));
  }
  const out = args.out ?? defaultOutput(args.input);
  let policy: Policy = DEFAULT_POLICY;
  if (args.policyFile !== undefined) {
    let text: string;
    try {
      text = new TextDecoder().decode(io.readFile(args.policyFile));
    } catch (err) {
      return fail(EXIT.usage, CLI_TEXT.cannotRead(args.policyFile, (err as Error).message));
    }
    const read = readPolicyFile(text, args.policyFile);
    if (!read.ok) return fail(EXIT.usage, CLI_TEXT.badPolicy(read.problems));
    policy = read.policy;
  }
  if (args.dateOrder !== undefined) policy = { ...policy, dateOrder: args.dateOrder };

  const wb = new SimWorkbook({ displayLanguage: lang });
  installSimulator(wb, globalThis);
  progress("open");
  const opened = await openWorkbookFile(
    wb,
    { name: args.input, bytes },
    io.loadExcelJs,
    io.inflateRaw ? { inflateRaw: io.inflateRaw } : {},
    // A CSV's numeric dates: in the policy's date order, or left to the reader (which reports the ambiguous ones).
    policy.dateOrder ?? "text",
  );
  if (opened.status === "refused") {
    endProgress();
    return fail(EXIT.badInput, opened.message);
  }

  if (args.sheet !== undefined) {
    const sheet = wb.model.sheet(args.sheet);
    if (!sheet || sheet.visibility !== "Visible") {
      endProgress();
      const visible = wb.model.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name);
      return fail(EXIT.usage, CLI_TEXT.noSheet(args.sheet, visible, !!sheet));
    }
    wb.model.select(sheet, [{ r0: 0, c0: 0, r1: 0, c1: 0 }]);
  }
  const sheetName = wb.model.activeSheet?.name ?? "";

  // The columns, as the pane's preview detects them from the header rows.
  const preview = await previewSource();
  const src = preview.source;
  if (!src) {
    endProgress();
    return fail(EXIT.badInput, CLI_TEXT.emptySheet(preview.sheetName));
  }
  if (preview.isOwnSheet) {
    endProgress();
    return fail(EXIT.badInput, CLI_TEXT.ownSheet(preview.sheetName));
  }
  const detection = detectHeaderRow(src.values);
  if (!detection) {
    endProgress();
    return fail(EXIT.badInput, CLI_TEXT.noHeader(src.sheetName));
  }
  const headerRow = src.values[detection.index] ?? [];
  const detected = detectMapping(headerRow);
  let mapping = detected.mapping;
  if (args.mapping) {
    const chosen = applyMapping(detected.mapping, headerRow, src.columnIndex, args.mapping);
    if (!chosen.ok) {
      endProgress();
      return fail(EXIT.usage, {
        en: chosen.problems.map((p) => p.en).join("\n"),
        zh: chosen.problems.map((p) => p.zh).join("\n"),
      });
    }
    mapping = chosen.mapping;
  }
  const problems = validateMapping(mapping, policy).map((p) => p.message);
  const mappingText = describeMapping(mapping, headerRow, src.columnIndex);
  if (problems.length > 0) {
    endProgress();
    return fail(
      EXIT.badInput,
      CLI_TEXT.mappingProblems(src.sheetName, detection.index + src.rowIndex + 1, problems),
      {
        mapping: mappingText,
      },
    );
  }

  const asOf = args.asOf ?? todaySerial();
  const outcome = await scoreActiveSheet({
    policy,
    asOf,
    mapping,
    lang: lang === "zh-CN" ? "zh" : "en",
    onProgress: (p: ScoreProgress) => progress(p.phase, p.done, p.total),
  });
  if (outcome.status !== "done") {
    endProgress();
    switch (outcome.status) {
      case "blocked":
      case "failed":
        return fail(EXIT.badInput, outcome.message);
      case "needsMapping":
        return fail(EXIT.badInput, outcome.message ?? CLI_TEXT.noHeader(sheetName));
      default:
        return fail(EXIT.badInput, CLI_TEXT.cancelled);
    }
  }

  progress("save");
  const saved = await saveWorkbookFile(wb, io.loadExcelJs, {
    streaming: true,
    onRows: (rows) => progress("save", rows),
  });
  const overwrite = io.resolve(out) === io.resolve(args.input);
  try {
    io.writeFile(out, saved.bytes);
  } catch (err) {
    endProgress();
    return fail(EXIT.badInput, CLI_TEXT.cannotWrite(out, (err as Error).message));
  }
  endProgress();

  const result: ScoreResult = outcome.summary;
  const report: Report = {
    input: args.input,
    output: out,
    overwroteInput: overwrite,
    sheet: outcome.output.sheetName,
    summarySheet: outcome.summarySheet ?? null,
    asOf: isoFromSerial(asOf),
    lang,
    mapping: mappingText,
    // Notes about detected columns, unless --mapping chose that role.
    mappingNotes: detected.notes
      .filter((n) => !args.mapping?.some((o) => o.role === n.role))
      .map((n) => n.message),
    policy: { file: args.policyFile ?? null, dateOrder: policy.dateOrder },
    result,
    notes: [...opened.notes, ...outcome.notes, ...saved.notes],
  };
  if (args.json) io.stdout(`${JSON.stringify(toJson(report))}\n`);
  else io.stdout(formatReport(report));
  const skipped = result.portfolio.rowsWithData - result.portfolio.rowsScored;
  return args.strict && skipped > 0 ? EXIT.badInput : EXIT.ok;
}

/** role → "Header (column letter)" for the report. */
function describeMapping(
  mapping: ColumnMapping,
  headerRow: readonly unknown[],
  columnIndex: number,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [role, col] of Object.entries(mapping)) {
    if (typeof col !== "number") continue;
    out[role] = `${String(headerRow[col] ?? "").trim()} (${columnLetter(columnIndex + col)})`;
  }
  return out;
}

/** The one JSON object of --json. */
export function toJson(r: Report): Record<string, unknown> {
  const p = r.result.portfolio;
  const text = (m: Msg) => pick(m, r.lang);
  return {
    status: "scored",
    input: r.input,
    output: r.output,
    overwroteInput: r.overwroteInput,
    sheet: r.sheet,
    summarySheet: r.summarySheet,
    asOf: r.asOf,
    lang: r.lang,
    mapping: r.mapping,
    policy: r.policy,
    rows: { scored: p.rowsScored, withData: p.rowsWithData, skipped: p.rowsWithData - p.rowsScored },
    kpis: {
      customers: p.customers,
      invoices: p.invoices,
      openInvoices: p.openInvoices,
      baseCurrency: p.baseCurrency,
      missingRates: p.missingRates,
      totalExposure: p.totalExposure,
      unappliedCredit: p.unappliedCredit,
      overdue: p.overdue,
      pctOver90: p.pctOver90,
      dso: p.dso,
      dsoNote: p.dsoNote ? text(p.dsoNote) : null,
      bestDso: p.bestDso,
      averageDaysDelinquent: p.averageDaysDelinquent,
      expectedCreditLoss: p.expectedCreditLoss,
      uninsuredExposure: p.uninsuredExposure,
      buckets: p.buckets,
      byCurrency: p.byCurrency,
    },
    provision: {
      method: r.result.provision.method,
      total: r.result.provision.total,
      note: text(r.result.provision.note),
    },
    breaches: p.breachCounts,
    customers: r.result.customers.map((c) => ({
      name: c.name,
      currency: c.currency,
      exposure: c.exposure,
      overdue: c.overdue,
      maxDaysPastDue: c.maxDaysPastDue,
      score: c.score,
      grade: c.grade,
      breaches: c.breaches,
    })),
    issues: r.result.issues.map((i) => ({
      row: i.row,
      column: i.column,
      header: i.header,
      value: i.value,
      code: i.code,
      severity: i.severity,
      message: text(i.reason),
      ...(i.sheet ? { sheet: i.sheet } : {}),
    })),
    notes: [...r.mappingNotes, ...r.notes].map(text),
  };
}
