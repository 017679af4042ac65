import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderPdfReport, type PdfReport } from "@/server/platform/exports/pdf";

// poppler-utils reads the PDF the way a user's viewer would. CI installs it; without it these tests fail, they never skip.
function run(command: string, args: string[], input?: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "ENOENT" ? new Error(`${command} not found: install poppler-utils (apt-get install poppler-utils)`) : error),
    );
    child.on("close", (code) =>
      code === 0 ? resolve(Buffer.concat(out).toString("utf8")) : reject(new Error(`${command} exited ${code}: ${Buffer.concat(err)}`)),
    );
    child.stdin.on("error", () => {}); // a tool that exits early reports through its exit code
    child.stdin.end(input);
  });
}

// pdftotext wraps right-to-left runs in embedding marks (U+202B … U+202C); the letters themselves come
// back in logical order and as base letters (not presentation forms), so no NFKC is needed.
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const pdfText = async (pdf: Uint8Array) => (await run("pdftotext", ["-layout", "-", "-"], pdf)).replace(BIDI_CONTROLS, "");

type Word = { text: string; xMin: number; xMax: number; yMin: number; page: number };
async function pdfWords(pdf: Uint8Array): Promise<{ width: number; words: Word[] }> {
  const html = await run("pdftotext", ["-bbox", "-", "-"], pdf);
  const width = Number(/<page width="([\d.]+)"/.exec(html)?.[1]);
  const words: Word[] = [];
  html.split("<page ").forEach((page, index) => {
    for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)) {
      words.push({ text: m[4]!, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), page: index });
    }
  });
  return { width, words };
}

async function embeddedFonts(pdf: Uint8Array): Promise<string[]> {
  const dir = await mkdtemp(path.join(tmpdir(), "dihya-pdf-"));
  try {
    await writeFile(path.join(dir, "report.pdf"), pdf);
    const listing = await run("pdffonts", [path.join(dir, "report.pdf")]);
    return listing
      .split("\n")
      .slice(2)
      .filter((line) => line.trim() !== "");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const french = "Intervention planifiée à Béjaïa";
const kabyle = "Tamurt n leqbayel: ɛ ɣ ḍ ṣ ẓ ṭ č ǧ";
const tifinagh = "ⵜⴰⵎⴰⵣⵉⵖⵜ ⴰⵣⵓⵍ";
const arabic = "فاتورة الكهرباء لشهر نوفمبر";
const mixed = "فاتورة Sonelgaz رقم 2024";
const longText = `Relevé estimé, ${"compteur inaccessible lors du passage du technicien ".repeat(8)}fin du texte`;

function report(locale: PdfReport["locale"], rows: PdfReport["rows"]): PdfReport {
  return {
    title: locale === "ar" ? "تقرير الفواتير" : "Factures du mois",
    subtitle: locale === "ar" ? "الفترة: نوفمبر 2026" : "Période : novembre 2026",
    locale,
    columns: [{ header: "Référence" }, { header: "Libellé", width: 3 }, { header: "Montant", align: "end" }],
    rows,
    generatedAt: new Date("2026-11-21T09:30:00Z"),
    footer: locale === "ar" ? "ضحية — أنشئ في 21/11/2026" : "Dihya — généré le 21/11/2026",
  };
}

const sampleRows = [
  ["F-0001", french, "12 480,00 DA"],
  ["F-0002", kabyle, "3 150,00 DA"],
  ["F-0003", tifinagh, "870,50 DA"],
  ["F-0004", arabic, "5 000,00 DA"],
  ["F-0005", mixed, "1,00 DA"],
  ["F-0006", longText, "0,00 DA"],
];

describe("PDF report", () => {
  for (const locale of ["fr", "ar"] as const) {
    it(`renders French, Kabyle, Tifinagh and shaped Arabic text that reads back (${locale})`, async () => {
      const pdf = await renderPdfReport(report(locale, sampleRows));
      expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
      const text = await pdfText(pdf);
      for (const expected of [french, kabyle, tifinagh, arabic, "Montant", "Libellé"]) expect(text).toContain(expected);
      expect(text).toContain(locale === "ar" ? "تقرير الفواتير" : "Factures du mois");
      expect(text).toContain(locale === "ar" ? "ضحية — أنشئ في" : "Dihya — généré le 21/11/2026");
      // The long cell stops after three lines with an ellipsis.
      expect(text).toContain("…");
      expect(text).not.toContain("fin du texte");
    });
  }

  it("mirrors the table in Arabic: first column at the right, mixed text in visual order", async () => {
    const [ltr, rtl] = await Promise.all([
      pdfWords(await renderPdfReport(report("fr", sampleRows))),
      pdfWords(await renderPdfReport(report("ar", sampleRows))),
    ]);
    const x = (words: Word[], text: string) => words.find((w) => w.text === text)!.xMin;
    expect(x(ltr.words, "Référence")).toBeLessThan(x(ltr.words, "Montant"));
    expect(x(rtl.words, "Référence")).toBeGreaterThan(x(rtl.words, "Montant"));

    // "فاتورة Sonelgaz رقم 2024" in a right-to-left cell: فاتورة rightmost, then Sonelgaz, رقم, and 2024 leftmost.
    const sonelgaz = rtl.words.find((w) => w.text === "Sonelgaz")!;
    const sameLine = (w: Word) => w.page === sonelgaz.page && Math.abs(w.yMin - sonelgaz.yMin) < 4; // Arabic glyphs sit a little higher
    const year = rtl.words.find((w) => w.text === "2024" && sameLine(w))!;
    const arabicWords = rtl.words.filter((w) => sameLine(w) && /\p{Script=Arabic}/u.test(w.text));
    expect(year.xMax).toBeLessThan(sonelgaz.xMin);
    expect(arabicWords.some((w) => w.xMin >= sonelgaz.xMax)).toBe(true);
    expect(arabicWords.some((w) => w.xMin >= year.xMax && w.xMax <= sonelgaz.xMin)).toBe(true);

    // Nothing is drawn outside the page margins (36 pt), however long the cell.
    for (const { width, words } of [ltr, rtl]) {
      for (const word of words) {
        expect(word.xMin).toBeGreaterThanOrEqual(35.5);
        expect(word.xMax).toBeLessThanOrEqual(width - 35.5);
      }
    }
  });

  it("streams 200 rows from an async source onto several pages, header and page number on each, fonts embedded", async () => {
    async function* rows() {
      for (let i = 1; i <= 200; i++) {
        await Promise.resolve();
        yield [`F-${String(i).padStart(4, "0")}`, sampleRows[i % 4]![1]!, `${i} 000,00 DA`];
      }
    }
    const pdf = await renderPdfReport(report("fr", rows()));
    const pages = (await pdfText(pdf)).split("\f").filter((page) => page.trim() !== "");
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => {
      expect(page).toContain("Libellé");
      // The footer is the page's last line: "Dihya — généré le …   n / N" (pdftotext may drop the thin spaces around "/").
      const footer = page.trimEnd().split("\n").at(-1)!;
      expect(footer).toContain("Dihya — généré le 21/11/2026");
      expect(footer.replace(/\s/g, "")).toMatch(new RegExp(`${i + 1}/${pages.length}$`));
    });
    expect(pages.join("")).toContain("F-0200");

    const fonts = await embeddedFonts(pdf);
    const names = fonts.map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ""));
    expect(names).toEqual(
      expect.arrayContaining(["NotoSans-Regular", "NotoSans-Bold", "NotoSansArabic-Regular", "NotoSansTifinagh-Regular"]),
    );
    // Columns: name, type, encoding, emb, sub, uni. Every font is embedded, subset, with a ToUnicode map.
    for (const line of fonts) expect(line).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
  });

  it("numbers the pages of a long report without the total, keeping every row", async () => {
    const rows = Array.from({ length: 1300 }, (_, i) => [`F-${String(i + 1).padStart(4, "0")}`, french, `${i + 1},00 DA`]);
    const pages = (await pdfText(await renderPdfReport(report("kab", rows)))).split("\f").filter((page) => page.trim() !== "");
    expect(pages.length).toBeGreaterThan(30);
    pages.forEach((page, i) => expect(page.trimEnd().split("\n").at(-1)!.trim()).toMatch(new RegExp(`\\s${i + 1}$`)));
    expect(pages.at(-1)).toContain("F-1300");
  });

  it("refuses a row that does not match the columns", async () => {
    await expect(renderPdfReport(report("fr", [["F-0001", french]]))).rejects.toThrow(/row 1 has 2 cells for 3 columns/);
    await expect(renderPdfReport({ ...report("fr", []), columns: [] })).rejects.toThrow(TypeError);
  });
});
