import "server-only";
import type { Direction } from "@/server/platform/exports/pdf/bidi-runs";
import type { Pages } from "@/server/platform/exports/pdf/page-frame";
import { CELL, COLORS, PAGE, baselineOffset, linesHeight } from "@/server/platform/exports/pdf/theme";
import type { Line, TextStyle, Typesetter } from "@/server/platform/exports/pdf/typesetter";

/** Type sizes of the invoice (the report theme's palette, a denser scale for one A4 page). */
export const INVOICE_STYLES = {
  docTitle: { size: 16, weight: "bold", color: COLORS.headerFill },
  operator: { size: 12, weight: "bold", color: COLORS.text },
  label: { size: 7, weight: "bold", color: COLORS.muted },
  text: { size: 8.5, weight: "regular", color: COLORS.text },
  strong: { size: 8.5, weight: "bold", color: COLORS.text },
  muted: { size: 7.5, weight: "regular", color: COLORS.muted },
  section: { size: 9.5, weight: "bold", color: COLORS.headerFill },
  header: { size: 7.5, weight: "bold", color: COLORS.headerText },
  cell: { size: 7.5, weight: "regular", color: COLORS.text },
  cellStrong: { size: 7.5, weight: "bold", color: COLORS.text },
  total: { size: 10, weight: "bold", color: COLORS.text },
} as const satisfies Record<string, TextStyle>;

export type Align = "start" | "end";

/**
 * Characters the embedded Noto subsets lack, replaced by ones they have: Intl's narrow no-break
 * space (French digit groups "1 190,00 DA") by a no-break space, subscript two ("CO₂") by "2".
 */
export function printable(text: string): string {
  return text.replace(/\u202f/g, "\u00a0").replace(/\u2082/g, "2");
}
export type Column = { header: string; width: number; align?: Align };

/**
 * A cursor on the invoice's pages. Positions are measured from the start side of the content box
 * (`xs` = 0 is the left margin in a left-to-right document, the right margin in Arabic), so one
 * layout serves both directions; `y` grows down and a block that does not fit opens a new page.
 */
export class InvoiceCanvas {
  y: number = PAGE.marginTop;
  readonly width: number;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly ts: Typesetter,
    readonly pages: Pages,
    readonly direction: Direction,
  ) {
    this.width = doc.page.width - 2 * PAGE.marginX;
  }

  /** The left edge of a box that starts `xs` from the start side. */
  left(xs: number, width: number): number {
    return this.direction === "rtl" ? PAGE.marginX + this.width - xs - width : PAGE.marginX + xs;
  }

  private get bottom(): number {
    return this.doc.page.height - PAGE.marginBottom;
  }

  /** Opens a new page when `height` does not fit below the cursor. */
  need(height: number): void {
    if (this.y + height > this.bottom) {
      this.pages.next();
      this.y = PAGE.marginTop;
    }
  }

  layout(text: string, width: number, style: TextStyle, maxLines = 3): Line[] {
    return this.ts.layout(printable(text), width, maxLines, this.direction, style);
  }

  /** Draws laid-out lines in a box; returns the height used. */
  drawLines(lines: Line[], xs: number, top: number, width: number, style: TextStyle, align: Align = "start"): number {
    const left = this.left(xs, width);
    const atLeft = (align === "start") === (this.direction === "ltr");
    for (const [n, line] of lines.entries()) {
      const x = atLeft ? left : left + width - line.width;
      this.ts.draw(line, x, top + linesHeight(style, n) + baselineOffset(style), style);
    }
    return linesHeight(style, lines.length);
  }

  /** Text in a box at (`xs`, `top`); returns the height used (0 for empty text). */
  text(text: string, xs: number, top: number, width: number, style: TextStyle, align: Align = "start", maxLines = 3): number {
    if (!text.trim()) return 0;
    return this.drawLines(this.layout(text, width, style, maxLines), xs, top, width, style, align);
  }

  /** Several short texts stacked in a box (empty ones skipped); returns the height used. */
  stack(items: { text: string; style: TextStyle; maxLines?: number }[], xs: number, top: number, width: number, align: Align = "start") {
    let y = top;
    for (const item of items) y += this.text(item.text, xs, y, width, item.style, align, item.maxLines ?? 2);
    return y - top;
  }

  fill(xs: number, top: number, width: number, height: number, color: string): void {
    this.doc.rect(this.left(xs, width), top, width, height).fill(color);
  }

  rule(top: number, xs = 0, width = this.width, color: string = COLORS.rule, weight = 0.4): void {
    const left = this.left(xs, width);
    this.doc
      .moveTo(left, top)
      .lineTo(left + width, top)
      .lineWidth(weight)
      .stroke(color);
  }

  /** The three-colour band (azur, green, saffron), start to end. */
  band(top: number, height = 3): void {
    COLORS.stripes.forEach((color, i) => this.fill((i * this.width) / 3, top, this.width / 3, height, color));
  }

  /** A section heading with a thin rule under it; keeps `keep` points with it on the page. */
  section(title: string, keep = 40): void {
    const style = INVOICE_STYLES.section;
    const lines = this.layout(title, this.width, style, 1);
    const height = linesHeight(style, lines.length) + 3;
    this.need(height + keep);
    this.drawLines(lines, 0, this.y, this.width, style);
    this.y += height;
    this.rule(this.y - 1, 0, this.width, COLORS.headerFill, 0.8);
    this.y += 3;
  }

  /**
   * A table over `width` from `xs`: header row in azur, zebra rows, rows kept whole; a row that
   * does not fit opens a page and repeats the header. `strong` rows (totals) are bold.
   */
  table(columns: Column[], rows: { cells: string[]; strong?: boolean }[], xs = 0, width = this.width): void {
    const total = columns.reduce((s, c) => s + c.width, 0);
    let offset = 0;
    const slots = columns.map((c) => {
      const w = (width * c.width) / total;
      const slot = { xs: xs + offset, width: w, align: c.align ?? ("start" as Align) };
      offset += w;
      return slot;
    });
    const layoutRow = (cells: string[], style: TextStyle) =>
      slots.map((slot, i) => this.layout(cells[i] ?? "", slot.width - 2 * CELL.padX, style, CELL.maxLines));
    const heightOf = (cells: Line[][], style: TextStyle) => linesHeight(style, Math.max(1, ...cells.map((c) => c.length))) + 2 * CELL.padY;
    const drawRow = (cells: Line[][], style: TextStyle) => {
      for (const [i, lines] of cells.entries()) {
        const slot = slots[i]!;
        this.drawLines(lines, slot.xs + CELL.padX, this.y + CELL.padY, slot.width - 2 * CELL.padX, style, slot.align);
      }
    };
    const header = layoutRow(
      columns.map((c) => c.header),
      INVOICE_STYLES.header,
    );
    const headerHeight = heightOf(header, INVOICE_STYLES.header);
    const drawHeader = () => {
      this.fill(xs, this.y, width, headerHeight, COLORS.headerFill);
      drawRow(header, INVOICE_STYLES.header);
      this.y += headerHeight;
    };
    const laid = rows.map((r) => {
      const style = r.strong ? INVOICE_STYLES.cellStrong : INVOICE_STYLES.cell;
      const cells = layoutRow(r.cells, style);
      return { cells, style, height: heightOf(cells, style) };
    });
    this.need(headerHeight + (laid[0]?.height ?? 0));
    drawHeader();
    for (const [index, row] of laid.entries()) {
      if (this.y + row.height > this.bottom) {
        this.need(Number.POSITIVE_INFINITY);
        drawHeader();
      }
      if (index % 2 === 1) this.fill(xs, this.y, width, row.height, COLORS.zebra);
      drawRow(row.cells, row.style);
      this.y += row.height;
      this.rule(this.y, xs, width);
    }
  }
}
