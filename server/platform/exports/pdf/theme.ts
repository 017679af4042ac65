import "server-only";
import type { TextStyle } from "./typesetter";

/** Page geometry (points) and the Dihya palette (flag azur, kohl text, sand zebra) used by the PDF report. */
export const PAGE = { marginX: 36, marginTop: 36, marginBottom: 46, footerBaseline: 24, footerRule: 36 } as const;

export const COLORS = {
  text: "#2b211c",
  muted: "#5c524b",
  headerFill: "#0067b0",
  headerText: "#ffffff",
  zebra: "#f5f0e9",
  rule: "#ddd6cc",
  stripes: ["#0067b0", "#007e3a", "#ffc200"],
} as const;

export const STYLES = {
  title: { size: 15, weight: "bold", color: COLORS.text },
  subtitle: { size: 9, weight: "regular", color: COLORS.muted },
  header: { size: 8, weight: "bold", color: COLORS.headerText },
  cell: { size: 8, weight: "regular", color: COLORS.text },
  footer: { size: 7.5, weight: "regular", color: COLORS.muted },
} as const satisfies Record<string, TextStyle>;

/** Line height and baseline offset as multiples of the font size (room for Arabic ascenders and descenders). */
export const LINE = { height: 1.45, baseline: 1.05 } as const;

export const CELL = { padX: 4, padY: 3.5, maxLines: 3 } as const;

/** Distance from the top of a line box to its baseline, and the height of `lines` lines. */
export function baselineOffset(style: TextStyle): number {
  return style.size * LINE.baseline;
}

export function linesHeight(style: TextStyle, lines: number): number {
  return style.size * LINE.height * lines;
}
