import "server-only";
import { cleanText, logicalRuns, paragraphDirection, visualRuns, type Direction, type Run } from "./bidi-runs";
import type { FontBook, Weight } from "./fonts";

export type TextStyle = { size: number; weight: Weight; color: string };
/** A laid-out line: runs left to right and their total width. */
export type Line = { runs: (Run & { width: number })[]; width: number };

const ELLIPSIS = "…";
const CACHE_LIMIT = 50_000;
/** Laid-out texts remembered (a few hundred bytes each). */
const LAYOUT_LIMIT = 10_000;
const CLUSTERS = /\P{M}\p{M}*|\p{M}+/gu;
/** Longest paragraph read per line allowed: more than any line can show, so a cut text still ends in an ellipsis. */
const CHARS_PER_LINE = 600;

/**
 * Run widths and laid-out lines, shared by every document of the process: both depend only on the
 * text, the font files (the FontBook's keys), the size and the box, and invoices repeat the same
 * labels again and again. Lines are read, never changed, by whoever draws them.
 */
const widths = new Map<string, number>();
const layouts = new Map<string, Line[]>();

/** Lays text out in lines that fit a width (wrapping at spaces, cutting with an ellipsis past `maxLines`) and draws them. */
export class Typesetter {
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly book: FontBook,
  ) {}

  private runWidth(run: Run, size: number): number {
    const key = `${run.font}\u0000${size}\u0000${run.features ? 1 : 0}\u0000${run.text}`;
    let width = widths.get(key);
    if (width === undefined) {
      this.book.use(run.font, size);
      width = this.doc.widthOfString(run.text, run.features ? { features: run.features } : {});
      if (widths.size >= CACHE_LIMIT) widths.clear();
      widths.set(key, width);
    }
    return width;
  }

  private measure(text: string, style: TextStyle): number {
    return logicalRuns(text, style.weight, this.book).reduce((sum, run) => sum + this.runWidth(run, style.size), 0);
  }

  /** The longest start of `text` that fits `width` once followed by an ellipsis. */
  private cut(text: string, width: number, style: TextStyle): string {
    const clusters = text.match(CLUSTERS) ?? [];
    let low = 0;
    let high = clusters.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (this.measure(clusters.slice(0, mid).join("").trimEnd() + ELLIPSIS, style) <= width) low = mid;
      else high = mid - 1;
    }
    return clusters.slice(0, low).join("").trimEnd() + ELLIPSIS;
  }

  /** Start offsets of the lines of one paragraph; stops once more than `maxLines` are known. */
  private breaks(text: string, width: number, maxLines: number, style: TextStyle): number[] {
    const starts = [0];
    let lineWidth = 0;
    let spaceWidth = 0;
    // Breaks only at plain spaces: no-break spaces (amounts like "12 480,00 DA") hold together.
    for (const token of text.matchAll(/[^ ]+ */g)) {
      const word = token[0].replace(/ +$/, "");
      const wordWidth = this.measure(word, style);
      if (token.index > starts.at(-1)! && lineWidth + spaceWidth + wordWidth > width) {
        starts.push(token.index);
        lineWidth = 0;
        spaceWidth = 0;
      }
      if (lineWidth === 0 && wordWidth > width) {
        // A word longer than the line: cut it where it stops fitting, as many times as needed.
        let from = 0;
        const clusters = word.match(CLUSTERS) ?? [];
        let count = 0;
        let offset = token.index;
        for (const cluster of clusters) {
          if (count > 0 && this.measure(word.slice(from, offset - token.index + cluster.length), style) > width) {
            starts.push(offset);
            from = offset - token.index;
            if (starts.length > maxLines) return starts;
          }
          offset += cluster.length;
          count++;
        }
        lineWidth = this.measure(word.slice(from), style);
      } else lineWidth += spaceWidth + wordWidth;
      spaceWidth = this.measure(token[0].slice(word.length), style);
      if (starts.length > maxLines) return starts;
    }
    return starts;
  }

  /** Lines for `text` in at most `maxLines`, each at most `width` wide; `base` is the direction when the text has no strong letter. */
  layout(text: string, width: number, maxLines: number, base: Direction, style: TextStyle): Line[] {
    const key = `${width}\u0000${maxLines}\u0000${base}\u0000${style.size}\u0000${style.weight}\u0000${text}`;
    let lines = layouts.get(key);
    if (!lines) {
      lines = this.layoutUncached(text, width, maxLines, base, style);
      if (layouts.size >= LAYOUT_LIMIT) layouts.clear();
      layouts.set(key, lines);
    }
    return lines;
  }

  private layoutUncached(text: string, width: number, maxLines: number, base: Direction, style: TextStyle): Line[] {
    const lines: Line[] = [];
    const paragraphs = cleanText(text.slice(0, maxLines * CHARS_PER_LINE))
      .split("\n")
      .map((p) => p.trim())
      .filter((p) => p !== "");
    for (const [index, paragraph] of paragraphs.entries()) {
      const direction = paragraphDirection(paragraph, base);
      const room = maxLines - lines.length;
      const starts = this.measure(paragraph, style) <= width ? [0] : this.breaks(paragraph, width, room, style);
      const lastParagraph = index === paragraphs.length - 1;
      for (let i = 0; i < Math.min(starts.length, room); i++) {
        const full = i === room - 1 && (starts.length > room || !lastParagraph);
        const slice = paragraph.slice(starts[i], full ? undefined : starts[i + 1]).trim();
        lines.push(this.line(full ? this.cut(slice, width, style) : slice, width, direction, style));
      }
      if (lines.length >= maxLines) break;
    }
    return lines;
  }

  private line(text: string, width: number, direction: Direction, style: TextStyle): Line {
    let current = text;
    for (;;) {
      const runs = visualRuns(current, direction, style.weight, this.book).map((run) => ({
        ...run,
        width: this.runWidth(run, style.size),
      }));
      const total = runs.reduce((sum, run) => sum + run.width, 0);
      // Shaping across run boundaries can differ by a hair from the measured words: never let it overflow.
      if (total <= width + 0.01 || current.length <= 1) return { runs, width: total };
      const body = current.endsWith(ELLIPSIS) ? current.slice(0, -ELLIPSIS.length) : current;
      current = this.cut((body.match(CLUSTERS) ?? []).slice(0, -1).join(""), width, style);
    }
  }

  /** Draws `line` on the alphabetic baseline `baseline`, starting at `x` (its left edge). */
  draw(line: Line, x: number, baseline: number, style: TextStyle): void {
    this.doc.fillColor(style.color);
    let left = x;
    for (const run of line.runs) {
      this.book.use(run.font, style.size);
      this.doc.text(run.text, left, baseline, {
        lineBreak: false,
        baseline: "alphabetic",
        ...(run.features ? { features: run.features } : {}),
      });
      left += run.width;
    }
  }
}
