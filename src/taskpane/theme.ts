import type { ThemeName } from "./services";

/**
 * Chooses the Fluent theme from Office's body background colour ("#RRGGBB"): dark when its relative
 * luminance is below one half, light otherwise (and when the colour is missing or unreadable).
 */
export function themeFromBackground(color: string | null | undefined): ThemeName {
  const m =
    typeof color === "string" ? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim()) : null;
  if (!m) return "light";
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? "dark" : "light";
}
