/**
 * Command-line arguments of `credit-risk`:
 *
 *   credit-risk score <file.xlsx|file.csv> [--sheet NAME] [--out FILE.xlsx] [--as-of YYYY-MM-DD]
 *                     [--lang en|zh-CN] [--json] [--strict] [--mapping ROLE=COLUMN,…] [--policy FILE.json]
 *                     [--date-order auto|dmy|mdy]
 *   credit-risk --help
 *
 * Parsing never throws: a wrong command line gives `{ ok: false, message }` (exit code 2).
 */
import { serialFromYmd } from "../engine/serial";
import { ROLES, type Msg, type Role } from "../engine/sheet/types";

export type CliLang = "en" | "zh-CN";

export interface ScoreArgs {
  command: "score";
  input: string;
  sheet?: string;
  out?: string;
  /** As-of date as an Excel serial (default: today, local date). */
  asOf?: number;
  asOfText?: string;
  lang: CliLang;
  json: boolean;
  /** Exit 1 when any row could not be read (it is skipped and reported either way). */
  strict: boolean;
  /** Columns chosen by hand over the detected ones: a column letter or header text per role; null removes the role. */
  mapping?: MappingOverride[];
  /** A policy JSON file (the pane's saved policy), over the defaults. */
  policyFile?: string;
  /** The date order of text dates (Policy "Date order"); "auto" = null. */
  dateOrder?: "DMY" | "MDY" | null;
}

/** One `ROLE=COLUMN` of --mapping: `column` a letter (as on the sheet) or header text; null for `ROLE=none`. */
export interface MappingOverride {
  role: Role;
  column: string | null;
}

export type ParsedArgs =
  | { ok: true; args: ScoreArgs }
  | { ok: true; help: true; lang: CliLang }
  | { ok: false; message: Msg; lang: CliLang; json: boolean };

export const USAGE: Msg = {
  en: `Usage: credit-risk score <file.xlsx|file.csv> [options]

Scores an invoice sheet exactly as the add-in's "Score this sheet" does and writes the scored workbook.

Options:
  --sheet NAME        the sheet to score (default: the workbook's active sheet)
  --out FILE.xlsx     where to write the scored workbook (default: <input>.scored.xlsx next to the input;
                      the input is overwritten only when --out names it)
  --as-of YYYY-MM-DD  the as-of date (default: today)
  --lang en|zh-CN     language of the added columns, the summary sheet and the messages (default: en)
  --json              print one JSON object (KPIs, mapping, issues, notes) instead of text
  --strict            exit 1 when any row could not be read (such rows are skipped and reported either way)
  --mapping ROLE=COLUMN,…
                      choose columns instead of the detected ones: COLUMN is a letter as on the sheet or the
                      header text, "none" drops the role (e.g. --mapping customer=C,amount="Invoiced Amount");
                      roles: ${ROLES.join(", ")}
  --policy FILE.json  the policy to score with (the pane's Policy settings as JSON; fields not given keep their
                      defaults, unknown fields are an error)
  --date-order auto|dmy|mdy
                      how to read text dates such as 03/04/2025 (Policy "Date order"; default: the policy's)
  -h, --help          show this help

Exit codes: 0 scored and saved; 1 the file or its data cannot be scored (the message names row, column and
value); 2 wrong command line.`,
  zh: `用法：credit-risk score <文件.xlsx|文件.csv> [选项]

与加载项的“为此工作表评分”完全相同地为发票工作表评分，并写出评分后的工作簿。

选项：
  --sheet 名称        要评分的工作表（默认：工作簿的活动工作表）
  --out 文件.xlsx     评分后工作簿的保存位置（默认：输入文件旁的 <输入>.scored.xlsx；
                      只有 --out 指定输入文件本身时才会覆盖输入文件）
  --as-of YYYY-MM-DD  截止日期（默认：今天）
  --lang en|zh-CN     新增列、汇总表和消息的语言（默认：en）
  --json              输出一个 JSON 对象（指标、列映射、问题、说明）而非文本
  --strict            有任何行无法读取时以 1 退出（无论如何这些行都会被跳过并报告）
  --mapping 角色=列,…
                      手动指定列以代替自动识别：列为工作表上的列字母或列标题，“none”表示不使用该角色
                      （例如 --mapping customer=C,amount="Invoiced Amount"）；角色：${ROLES.join(", ")}
  --policy 文件.json  评分所用的政策（任务窗格“政策”设置的 JSON；未给出的字段保持默认值，未知字段视为错误）
  --date-order auto|dmy|mdy
                      文本日期（如 03/04/2025）的读法（政策中的“日期顺序”；默认：按政策）
  -h, --help          显示此帮助

退出代码：0 已评分并保存；1 文件或其数据无法评分（消息写明行、列和值）；2 命令行有误。`,
};

const usage = (en: string, zh: string): Msg => ({
  en: `${en}\n\n${USAGE.en}`,
  zh: `${zh}\n\n${USAGE.zh}`,
});

/** Parses `argv` (without node and the script). */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  let lang: CliLang = "en";
  let json = false;
  // Language and --json first, so even a usage error speaks the asked language and format.
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--json") json = true;
    const v = a === "--lang" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice(7) : undefined;
    if (v !== undefined && /^zh/i.test(v)) lang = "zh-CN";
  }
  const fail = (en: string, zh: string): ParsedArgs => ({ ok: false, message: usage(en, zh), lang, json });
  if (argv.includes("-h") || argv.includes("--help")) return { ok: true, help: true, lang };

  const positional: string[] = [];
  const opts: Record<string, string> = {};
  let strict = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--json") continue;
    if (a === "--strict") {
      strict = true;
      continue;
    }
    const m = /^--(sheet|out|as-of|lang|mapping|policy|date-order)(?:=(.*))?$/.exec(a);
    if (m) {
      const value = m[2] ?? argv[++i];
      if (value === undefined || (m[2] === undefined && value.startsWith("--")))
        return fail(`--${m[1]} needs a value.`, `--${m[1]} 需要一个值。`);
      if (opts[m[1]!] !== undefined) return fail(`--${m[1]} is given twice.`, `--${m[1]} 重复指定。`);
      opts[m[1]!] = value;
      continue;
    }
    if (a.startsWith("-") && a !== "-") return fail(`Unknown option ${a}.`, `未知选项 ${a}。`);
    positional.push(a);
  }
  if (positional.length === 0) return fail("No command given.", "未指定命令。");
  if (positional[0] !== "score")
    return fail(`Unknown command "${positional[0]}".`, `未知命令“${positional[0]}”。`);
  if (positional.length < 2) return fail("No file to score.", "未指定要评分的文件。");
  if (positional.length > 2)
    return fail(
      `One file at a time: got ${positional.slice(1).join(", ")}.`,
      `一次只能评分一个文件：收到 ${positional.slice(1).join("、")}。`,
    );

  if (opts.lang !== undefined && !/^(en|en-US|zh|zh-CN)$/i.test(opts.lang))
    return fail(
      `--lang must be en or zh-CN, not "${opts.lang}".`,
      `--lang 必须为 en 或 zh-CN，而不是“${opts.lang}”。`,
    );

  let asOf: number | undefined;
  if (opts["as-of"] !== undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(opts["as-of"]);
    const serial = m ? serialFromYmd(Number(m[1]), Number(m[2]), Number(m[3])) : null;
    if (serial === null)
      return fail(
        `--as-of must be a date written YYYY-MM-DD, not "${opts["as-of"]}".`,
        `--as-of 必须是 YYYY-MM-DD 格式的日期，而不是“${opts["as-of"]}”。`,
      );
    asOf = serial;
  }
  let dateOrder: ScoreArgs["dateOrder"];
  if (opts["date-order"] !== undefined) {
    const v = opts["date-order"].toLowerCase();
    if (v !== "auto" && v !== "dmy" && v !== "mdy")
      return fail(
        `--date-order must be auto, dmy or mdy, not "${opts["date-order"]}".`,
        `--date-order 必须为 auto、dmy 或 mdy，而不是“${opts["date-order"]}”。`,
      );
    dateOrder = v === "auto" ? null : v === "dmy" ? "DMY" : "MDY";
  }
  let mapping: MappingOverride[] | undefined;
  if (opts.mapping !== undefined) {
    const parsed = parseMapping(opts.mapping);
    if ("error" in parsed) return fail(parsed.error.en, parsed.error.zh);
    mapping = parsed.overrides;
  }
  if (opts.out !== undefined && !/\.xlsx$/i.test(opts.out))
    return fail(
      `--out must name an .xlsx file, not "${opts.out}".`,
      `--out 必须指定 .xlsx 文件，而不是“${opts.out}”。`,
    );
  return {
    ok: true,
    args: {
      command: "score",
      input: positional[1]!,
      ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
      ...(opts.out !== undefined ? { out: opts.out } : {}),
      ...(asOf !== undefined ? { asOf, asOfText: opts["as-of"]! } : {}),
      lang,
      json,
      strict,
      ...(mapping ? { mapping } : {}),
      ...(opts.policy !== undefined ? { policyFile: opts.policy } : {}),
      ...(dateOrder !== undefined ? { dateOrder } : {}),
    },
  };
}

/**
 * `ROLE=COLUMN[,ROLE=COLUMN…]` → overrides. Roles as the help lists them (any case); a value in double quotes may
 * hold commas; `none` (or `-`) drops the role. Each role at most once.
 */
export function parseMapping(text: string): { overrides: MappingOverride[] } | { error: Msg } {
  const overrides: MappingOverride[] = [];
  const items: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) {
      items.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  items.push(current);
  for (const raw of items) {
    const item = raw.trim();
    const eq = item.indexOf("=");
    const name = eq < 0 ? item : item.slice(0, eq).trim();
    const value =
      eq < 0
        ? ""
        : item
            .slice(eq + 1)
            .trim()
            .replace(/^"(.*)"$/s, "$1")
            .trim();
    if (eq < 0 || name === "" || value === "")
      return {
        error: {
          en: `--mapping takes ROLE=COLUMN pairs separated by commas, not "${item}".`,
          zh: `--mapping 的格式为以逗号分隔的“角色=列”，而不是“${item}”。`,
        },
      };
    const role = ROLES.find((r) => r.toLowerCase() === name.toLowerCase());
    if (!role)
      return {
        error: {
          en: `--mapping: unknown role "${name}"; roles: ${ROLES.join(", ")}.`,
          zh: `--mapping：未知角色“${name}”；可用角色：${ROLES.join(", ")}。`,
        },
      };
    if (overrides.some((o) => o.role === role))
      return {
        error: { en: `--mapping names ${role} twice.`, zh: `--mapping 重复指定了 ${role}。` },
      };
    overrides.push({ role, column: /^(none|-)$/i.test(value) ? null : value });
  }
  return { overrides };
}
