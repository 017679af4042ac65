import "server-only";
import type { Locale } from "@/i18n/config";
import { downloadHeaders } from "./attachment";
import { renderPdfReport } from "./pdf";

/** One column: the row key, the header already translated, how to show a value as text. */
export type PdfExportColumn<Row> = {
  [K in keyof Row & string]: {
    key: K;
    header: string;
    width?: number;
    align?: "start" | "end";
    format?: (value: Row[K], row: Row) => string;
  };
}[keyof Row & string];

export type PdfOptions<Row> = {
  filename: string;
  title: string;
  subtitle?: string;
  /** Appended to the subtitle when the list had more than `maxRows` rows. */
  truncatedNote: string;
  locale: Locale;
  columns: PdfExportColumn<Row>[];
  /** Read up to `maxRows + 1` rows; pass `streamRows(source, { limit: maxRows + 1 })`. */
  rows: AsyncIterable<Row>;
  maxRows: number;
  footer?: string;
  generatedAt?: Date;
  onError?: (error: unknown) => void;
};

function defaultText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

async function collect<Row>(options: PdfOptions<Row>): Promise<{ rows: string[][]; truncated: boolean }> {
  const rows: string[][] = [];
  for await (const row of options.rows) {
    if (rows.length === options.maxRows) return { rows, truncated: true };
    rows.push(
      options.columns.map((c) => {
        const value = row[c.key];
        return c.format ? (c.format as (v: typeof value, r: Row) => string)(value, row) : defaultText(value);
      }),
    );
  }
  return { rows, truncated: false };
}

/**
 * A PDF download of at most `maxRows` rows (a PDF of millions of rows helps nobody; the
 * CSV export is unbounded). When rows were left out, `truncatedNote` is added to the
 * subtitle. Nothing is read or rendered before the client pulls the body, so a route can
 * return this from inside its transaction and the query starts after the commit.
 */
export function pdfResponse<Row>(options: PdfOptions<Row>): Response {
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { rows, truncated } = await collect(options);
          const subtitle = [options.subtitle, truncated ? options.truncatedNote : undefined].filter(Boolean).join(" — ");
          const bytes = await renderPdfReport({
            title: options.title,
            ...(subtitle ? { subtitle } : {}),
            locale: options.locale,
            columns: options.columns.map((c) => ({
              header: c.header,
              ...(c.width ? { width: c.width } : {}),
              ...(c.align ? { align: c.align } : {}),
            })),
            rows,
            generatedAt: options.generatedAt ?? new Date(),
            ...(options.footer ? { footer: options.footer } : {}),
          });
          controller.enqueue(bytes);
          controller.close();
        } catch (error) {
          options.onError?.(error);
          controller.error(error);
        }
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(body, { status: 200, headers: downloadHeaders("application/pdf", options.filename) });
}
