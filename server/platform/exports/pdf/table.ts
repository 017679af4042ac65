import "server-only";
import type { PdfColumn } from "../pdf";
import type { Direction } from "./bidi-runs";
import type { Pages } from "./page-frame";
import { CELL, COLORS, PAGE, STYLES, baselineOffset, linesHeight } from "./theme";
import type { Line, TextStyle, Typesetter } from "./typesetter";

type Slot = { x: number; width: number; align: "left" | "right" };

/**
 * Writes a table row by row on the current page, adding a page (and repeating the header) when a
 * row does not fit. Columns share the content width by weight; in a right-to-left report the
 * first column is at the right and "start" means right.
 */
export class TableWriter {
  private readonly slots: Slot[];
  private readonly headerCells: Line[][];
  private readonly headerHeight: number;
  private y = 0;
  private rowIndex = 0;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly typesetter: Typesetter,
    private readonly pages: Pages,
    columns: PdfColumn[],
    private readonly direction: Direction,
  ) {
    const content = doc.page.width - 2 * PAGE.marginX;
    const weights = columns.map((c) => c.width ?? 1);
    const total = weights.reduce((a, b) => a + b, 0);
    let offset = 0;
    this.slots = columns.map((column, i) => {
      const width = (content * weights[i]!) / total;
      const x = direction === "rtl" ? PAGE.marginX + content - offset - width : PAGE.marginX + offset;
      offset += width;
      const atEnd = column.align === "end";
      return { x, width, align: atEnd === (direction === "rtl") ? "left" : "right" };
    });
    this.headerCells = this.layoutCells(
      columns.map((c) => c.header),
      STYLES.header,
    );
    this.headerHeight = this.heightOf(this.headerCells, STYLES.header);
  }

  /** Starts the table at `y` on the current page. */
  begin(y: number): void {
    this.y = y;
    this.drawHeader();
  }

  /** Adds one row (cells in column order). */
  row(cells: string[]): void {
    const lines = this.layoutCells(cells, STYLES.cell);
    const height = this.heightOf(lines, STYLES.cell);
    if (this.y + height > this.doc.page.height - PAGE.marginBottom) {
      this.pages.next();
      this.y = PAGE.marginTop;
      this.drawHeader();
    }
    const left = PAGE.marginX;
    const width = this.doc.page.width - 2 * PAGE.marginX;
    if (this.rowIndex % 2 === 1) this.doc.rect(left, this.y, width, height).fill(COLORS.zebra);
    this.drawCells(lines, STYLES.cell, height);
    this.y += height;
    this.doc
      .moveTo(left, this.y)
      .lineTo(left + width, this.y)
      .lineWidth(0.4)
      .stroke(COLORS.rule);
    this.rowIndex++;
  }

  private layoutCells(cells: string[], style: TextStyle): Line[][] {
    return this.slots.map((slot, i) =>
      this.typesetter.layout(cells[i] ?? "", slot.width - 2 * CELL.padX, CELL.maxLines, this.direction, style),
    );
  }

  private heightOf(cells: Line[][], style: TextStyle): number {
    const lines = Math.max(1, ...cells.map((c) => c.length));
    return linesHeight(style, lines) + 2 * CELL.padY;
  }

  private drawHeader(): void {
    const width = this.doc.page.width - 2 * PAGE.marginX;
    this.doc.rect(PAGE.marginX, this.y, width, this.headerHeight).fill(COLORS.headerFill);
    this.drawCells(this.headerCells, STYLES.header, this.headerHeight);
    this.y += this.headerHeight;
  }

  private drawCells(cells: Line[][], style: TextStyle, height: number): void {
    for (const [i, lines] of cells.entries()) {
      const slot = this.slots[i]!;
      // Only a column too narrow for even "…" gets here: clip rather than draw over the neighbours.
      const clip = lines.some((line) => line.width > slot.width - 2 * CELL.padX + 0.01);
      if (clip) this.doc.save().rect(slot.x, this.y, slot.width, height).clip();
      for (const [n, line] of lines.entries()) {
        const x = slot.align === "left" ? slot.x + CELL.padX : slot.x + slot.width - CELL.padX - line.width;
        const baseline = this.y + CELL.padY + linesHeight(style, n) + baselineOffset(style);
        this.typesetter.draw(line, x, baseline, style);
      }
      if (clip) this.doc.restore();
    }
  }
}
