import type { CsvRowError } from "@/lib/csv-readings";

const quote = (text: string) => {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/**
 * The rejected lines as a CSV file (UTF-8 with a BOM, CRLF, RFC 4180 quoting, formula
 * characters neutralised like the server's exports), headers in the reader's language.
 */
export function rejectionsCsv(
  headers: { line: string; code: string; label: string; detail: string },
  rows: CsvRowError[],
  label: (code: string) => string,
): Blob {
  const lines = [[headers.line, headers.code, headers.label, headers.detail].map(quote).join(",")];
  for (const r of rows) lines.push([String(r.line), quote(r.code), quote(label(r.code)), quote(r.detail)].join(","));
  return new Blob([`\uFEFF${lines.join("\r\n")}\r\n`], { type: "text/csv;charset=utf-8" });
}

/** Saves a blob under `name` through a temporary link. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
