/**
 * Text functions (https://support.microsoft.com/office/text-functions-reference-cccd86ad-547d-4ea9-a065-7bb697c2a56e):
 * LEN, UPPER, LOWER, TRIM, VALUE, LEFT, RIGHT, MID, CONCATENATE, CONCAT, EXACT.
 */
import { type FormulaFunction, type Value, FormulaError, lift, toNumber, toText } from "../values";

const textAndCount = (args: (() => Value)[], dflt: number): [string, number] | FormulaError => {
  const s = toText(args[0]?.() ?? null);
  if (s instanceof FormulaError) return s;
  const n = args[1] ? toNumber(args[1]()) : dflt;
  if (n instanceof FormulaError) return n;
  if (n < 0) return new FormulaError("#VALUE!");
  return [s, Math.trunc(n)];
};

export const TEXT: Readonly<Record<string, FormulaFunction>> = {
  LEN: lift(toText, (s) => s.length),
  UPPER: lift(toText, (s) => s.toUpperCase()),
  LOWER: lift(toText, (s) => s.toLowerCase()),
  TRIM: lift(toText, (s) => s.trim().replace(/ +/g, " ")),
  VALUE: lift(toNumber, (n) => n),
  EXACT: lift(toText, (a, b) => a === b),
  LEFT: (args) => {
    const r = textAndCount(args, 1);
    return r instanceof FormulaError ? r : r[0].slice(0, r[1]);
  },
  RIGHT: (args) => {
    const r = textAndCount(args, 1);
    return r instanceof FormulaError ? r : r[1] === 0 ? "" : r[0].slice(-r[1]);
  },
  MID: lift(toText, (s, start, count) => {
    const a = Number(start);
    const n = Number(count);
    if (!(a >= 1) || !(n >= 0)) return new FormulaError("#VALUE!");
    return s.slice(a - 1, a - 1 + n);
  }),
  CONCATENATE: lift(toText, (...parts) => parts.join("")),
  CONCAT: (args) => {
    let out = "";
    for (const a of args) {
      const v = a();
      for (const x of Array.isArray(v) ? v.flat() : [v]) {
        const s = toText(x);
        if (s instanceof FormulaError) return s;
        out += s;
      }
    }
    return out;
  },
};
