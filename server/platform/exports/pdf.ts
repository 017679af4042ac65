import "server-only";
/**
 * The PDF report renderer behind every export: a titled table streamed row by row into an A4
 * document (landscape past five columns) and returned as bytes.
 *
 * Contract: the caller passes text already translated and formatted; nothing here reads messages
 * or the database. `locale` decides the page direction (`ar` is right to left: first column at
 * the right, "start" alignment at the right). Cells may mix Latin (Kabyle letters included),
 * Tifinagh and Arabic: each is drawn with an embedded Noto subset, Arabic shaped and placed in
 * visual order by the Unicode bidi algorithm, so the PDF's text layer reads back in logical order.
 * A cell wraps at spaces and is cut with "…" after three lines; it never overflows its column.
 * The header row repeats on every page; each page gets the caller's footer and "n / N" (just "n"
 * past 30 pages). Rows are consumed as they come (async iterables welcome) and drawn at once; at
 * most 30 pages stay open in pdfkit, the rest is written out (compressed) as it is done.
 * Throws a TypeError for a report without columns, a bad column weight or a row of the wrong length.
 */
import PDFDocument from "pdfkit";
import { direction as localeDirection } from "@/i18n/config";
import { FontBook } from "./pdf/fonts";
import { Pages, drawTitleBlock } from "./pdf/page-frame";
import { TableWriter } from "./pdf/table";
import { PAGE } from "./pdf/theme";
import { Typesetter } from "./pdf/typesetter";

export type PdfColumn = { header: string; width?: number /* relative weight, default 1 */; align?: "start" | "end" };
export type PdfReport = {
  title: string;
  subtitle?: string; // e.g. filters applied, period
  locale: "fr" | "kab" | "zgh" | "ar" | "en"; // decides page direction (ar = right to left) and the footer
  columns: PdfColumn[];
  rows: AsyncIterable<string[]> | Iterable<string[]>; // cells already formatted as text by the caller
  generatedAt: Date;
  footer?: string; // e.g. "Dihya — généré le …" (caller passes translated text); page numbers are added here ("n / N", or "n" past 30 pages)
};

/** Rows drawn between two yields to the event loop, so a long export does not starve other requests. */
const ROWS_PER_TURN = 200;

function check(report: PdfReport): void {
  if (report.columns.length === 0) throw new TypeError("A PDF report needs at least one column");
  for (const column of report.columns) {
    if (column.width !== undefined && !(Number.isFinite(column.width) && column.width > 0)) {
      throw new TypeError(`PDF column "${column.header}" has an invalid width ${column.width}`);
    }
  }
}

export async function renderPdfReport(report: PdfReport): Promise<Uint8Array> {
  check(report);
  const direction = localeDirection[report.locale];
  const doc = new PDFDocument({
    size: "A4",
    layout: report.columns.length > 5 ? "landscape" : "portrait",
    margins: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginX, right: PAGE.marginX },
    bufferPages: true,
    fontLayoutCache: false,
    lang: report.locale,
    displayTitle: true,
    info: {
      Title: report.title,
      ...(report.subtitle ? { Subject: report.subtitle } : {}),
      Creator: "Dihya",
      CreationDate: report.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });

  const typesetter = new Typesetter(doc, new FontBook(doc));
  const pages = new Pages(doc, typesetter, report.footer, direction);
  const table = new TableWriter(doc, typesetter, pages, report.columns, direction);
  table.begin(drawTitleBlock(doc, typesetter, report.title, report.subtitle, direction));
  let count = 0;
  for await (const row of report.rows) {
    if (row.length !== report.columns.length) {
      throw new TypeError(`PDF row ${count + 1} has ${row.length} cells for ${report.columns.length} columns`);
    }
    table.row(row.map((cell) => (typeof cell === "string" ? cell : String(cell ?? ""))));
    if (++count % ROWS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  pages.finish();
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}
