/** Colour normalisation like Excel's: "#rrggbb" upper-case; a few HTML colour names accepted. */
import { invalidArg } from "./errors";

const NAMED: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  lime: "#00FF00",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  gray: "#808080",
  grey: "#808080",
  lightgray: "#D3D3D3",
  lightgrey: "#D3D3D3",
  darkgray: "#A9A9A9",
  purple: "#800080",
  pink: "#FFC0CB",
  navy: "#000080",
  teal: "#008080",
  maroon: "#800000",
  olive: "#808000",
  silver: "#C0C0C0",
  cyan: "#00FFFF",
  magenta: "#FF00FF",
  darkred: "#8B0000",
  darkgreen: "#006400",
  lightgreen: "#90EE90",
  lightblue: "#ADD8E6",
  lightyellow: "#FFFFE0",
  gold: "#FFD700",
};

/** Normalises a colour or throws InvalidArgument. "" / null clear it (returns ""). */
export function normalizeColor(input: unknown): string {
  if (input === null || input === undefined || input === "") return "";
  if (typeof input !== "string") throw invalidArg(`bad colour ${JSON.stringify(input)}`);
  const s = input.trim();
  if (/^#[0-9a-fA-F]{6}$/.test(s)) return s.toUpperCase();
  if (/^#[0-9a-fA-F]{3}$/.test(s)) return ("#" + s[1] + s[1] + s[2] + s[2] + s[3] + s[3]).toUpperCase();
  const named = NAMED[s.toLowerCase()];
  if (named) return named;
  throw invalidArg(`bad colour "${input}"`);
}

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** Linear interpolation between two "#RRGGBB" colours, t in [0,1]. */
export function mixColors(a: string, b: string, t: number): string {
  const x = channels(a);
  const y = channels(b);
  const k = Math.min(1, Math.max(0, t));
  return (
    "#" +
    x
      .map((v, i) =>
        Math.round(v + (y[i] - v) * k)
          .toString(16)
          .padStart(2, "0"),
      )
      .join("")
      .toUpperCase()
  );
}
