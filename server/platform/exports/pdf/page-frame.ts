import "server-only";
import type { Direction } from "./bidi-runs";
import { COLORS, PAGE, STYLES, baselineOffset, linesHeight } from "./theme";
import type { Line, TextStyle, Typesetter } from "./typesetter";

function placeAtStart(line: Line, left: number, width: number, direction: Direction): number {
  return direction === "rtl" ? left + width - line.width : left;
}

/** Draws lines at the start side of the content box from `top`; returns the y below them. */
function block(
  doc: PDFKit.PDFDocument,
  ts: Typesetter,
  text: string,
  top: number,
  maxLines: number,
  direction: Direction,
  style: TextStyle,
) {
  const width = doc.page.width - 2 * PAGE.marginX;
  const lines = ts.layout(text, width, maxLines, direction, style);
  for (const [n, line] of lines.entries()) {
    ts.draw(line, placeAtStart(line, PAGE.marginX, width, direction), top + linesHeight(style, n) + baselineOffset(style), style);
  }
  return top + linesHeight(style, lines.length);
}

/** Title, optional subtitle and the three-colour band on the first page; returns where the table starts. */
export function drawTitleBlock(doc: PDFKit.PDFDocument, ts: Typesetter, title: string, subtitle: string | undefined, direction: Direction) {
  let y = block(doc, ts, title, PAGE.marginTop, 2, direction, STYLES.title);
  if (subtitle?.trim()) y = block(doc, ts, subtitle, y + 2, 3, direction, STYLES.subtitle);
  const width = doc.page.width - 2 * PAGE.marginX;
  const band = y + 6;
  COLORS.stripes.forEach((color, i) => {
    const from = direction === "rtl" ? PAGE.marginX + width - ((i + 1) * width) / 3 : PAGE.marginX + (i * width) / 3;
    doc.rect(from, band, width / 3, 2).fill(color);
  });
  return band + 12;
}

/** Pages kept open for "n / N"; a longer report numbers its pages "n" and writes each page out as it is done. */
const OPEN_PAGES = 30;

/**
 * Opens pages and writes their footer: a rule, the caller's text at the start side and the page
 * number at the end side. Pages stay buffered (pdfkit `bufferPages`) until the total is known, up to
 * OPEN_PAGES; past that the buffer is flushed page by page so memory stays flat.
 */
export class Pages {
  private streaming = false;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly ts: Typesetter,
    private readonly footer: string | undefined,
    private readonly direction: Direction,
  ) {}

  /** Finishes the current page and starts the next one. */
  next(): void {
    if (this.streaming || this.doc.bufferedPageRange().count >= OPEN_PAGES) {
      this.streaming = true;
      this.drawFooters();
      this.doc.flushPages();
    }
    this.doc.addPage();
  }

  /** Writes the footers of the pages still open; call once, after the last row. */
  finish(): void {
    this.drawFooters();
  }

  private drawFooters(): void {
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      this.drawFooter(this.streaming ? `${i + 1}` : `${i + 1} / ${start + count}`);
    }
  }

  private drawFooter(pageLabel: string): void {
    const { doc, ts, direction } = this;
    const width = doc.page.width - 2 * PAGE.marginX;
    const rule = doc.page.height - PAGE.footerRule;
    const baseline = doc.page.height - PAGE.footerBaseline;
    doc
      .moveTo(PAGE.marginX, rule)
      .lineTo(PAGE.marginX + width, rule)
      .lineWidth(0.4)
      .stroke(COLORS.rule);
    const [label] = ts.layout(pageLabel, width, 1, direction, STYLES.footer);
    const labelWidth = label?.width ?? 0;
    if (this.footer?.trim()) {
      const [line] = ts.layout(this.footer, width - labelWidth - 16, 1, direction, STYLES.footer);
      if (line) ts.draw(line, placeAtStart(line, PAGE.marginX, width, direction), baseline, STYLES.footer);
    }
    if (label) ts.draw(label, direction === "rtl" ? PAGE.marginX : PAGE.marginX + width - labelWidth, baseline, STYLES.footer);
  }
}
