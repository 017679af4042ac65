import type { Config } from "tailwindcss";

/**
 * Dihya's palette: Amazigh flag accents, Kabyle pottery and Beni Yenni enamel tones
 * (shared/reference/i18n-and-design.md §4). Text tokens reach WCAG 2.2 AA on every surface.
 * Charts import `palette` and `chartSeries` from here so the UI and the charts share one source.
 */
export const palette = {
  azur: "#0067B0",
  azurDeep: "#00548F",
  adrar: "#007E3A",
  adrarText: "#006B31",
  tafukt: "#FFC200",
  yaz: "#ED1C24",
  yazDeep: "#B3141B",
  coral: "#D2452F",
  coralDeep: "#B23A26",
  terracotta: "#A4452C",
  ochre: "#C98A2B",
  ochreDeep: "#8A5F1C",
  cobalt: "#1E4F9C",
  cream: "#F5EBDD",
  sand: "#FBF6EF",
  kohl: "#2B211C",
  silver: "#C9CDD3",
  night: "#15110E",
  nightSurface: "#221B17",
} as const;

export const chartSeries = [palette.azur, palette.adrar, palette.ochre, palette.coral, palette.cobalt, palette.terracotta] as const;

const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        ...palette,
        // Semantic tokens, switched between light and dark in app/globals.css.
        bg: "var(--c-bg)",
        surface: "var(--c-surface)",
        "surface-2": "var(--c-surface-2)",
        fg: "var(--c-fg)",
        muted: "var(--c-muted)",
        border: "var(--c-border)",
        line: "var(--c-line)",
        primary: "var(--c-primary)",
        "primary-fg": "var(--c-primary-fg)",
        "primary-hover": "var(--c-primary-hover)",
        success: "var(--c-success)",
        warning: "var(--c-warning)",
        danger: "var(--c-danger)",
        accent: "var(--c-accent)",
        info: "var(--c-info)",
      },
      fontFamily: {
        sans: ['"Noto Sans"', '"Noto Sans Tifinagh"', '"Noto Sans Arabic"', "ui-sans-serif", "system-ui", "sans-serif"],
      },
    },
  },
};

export default config;
