import "server-only";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { tuneEmbeddedFont } from "./embedded-font";
import { woffToSfnt } from "./woff";

export type Weight = "regular" | "bold";

/**
 * Noto subsets from the installed @fontsource packages, in fallback order. @fontsource splits each
 * family by unicode subset: `latin` has ASCII and French accents but not the Kabyle letters
 * ɛ ɣ ḍ ṣ ẓ ṭ č ǧ ř, which only `latin-ext` has (and it has no ASCII), so Kabyle text mixes both
 * files of the same family. Tifinagh ships in one weight only.
 */
const SUBSETS: readonly { pkg: string; subset: string; bold: boolean }[] = [
  { pkg: "noto-sans", subset: "latin", bold: true },
  { pkg: "noto-sans", subset: "latin-ext", bold: true },
  { pkg: "noto-sans-arabic", subset: "arabic", bold: true },
  { pkg: "noto-sans-tifinagh", subset: "tifinagh", bold: false },
  { pkg: "noto-sans", subset: "vietnamese", bold: true },
  { pkg: "noto-sans", subset: "greek", bold: true },
  { pkg: "noto-sans", subset: "cyrillic", bold: true },
  { pkg: "noto-sans", subset: "cyrillic-ext", bold: true },
];

/** A font name registered on the document: one subset file in one weight. */
export type FontKey = string;

type Face = { hasGlyphForCodePoint(codePoint: number): boolean };

const CHAINS: Record<Weight, FontKey[]> = {
  regular: SUBSETS.map((s) => `${s.pkg}-${s.subset}-400-normal`),
  bold: SUBSETS.map((s) => `${s.pkg}-${s.subset}-${s.bold ? 700 : 400}-normal`),
};

const bytesCache = new Map<FontKey, Buffer>();
const faces = new Map<FontKey, Face>();
const firstCovering = new Map<string, FontKey>();

function fontBytes(key: FontKey): Buffer {
  const cached = bytesCache.get(key);
  if (cached) return cached;
  const pkg = SUBSETS.find((s) => key.startsWith(`${s.pkg}-${s.subset}-`))?.pkg;
  // Resolved from the project root: `next start` and Vitest both run there, and the bundler leaves it alone.
  const file = path.join(process.cwd(), "node_modules", "@fontsource", pkg ?? "", "files", `${key}.woff`);
  if (!pkg || !existsSync(file)) throw new Error(`PDF font file missing: ${file} (is @fontsource installed?)`);
  const bytes = woffToSfnt(readFileSync(file));
  bytesCache.set(key, bytes);
  return bytes;
}

/** The fonts of one document: registers subset files on first use and picks a font per character. */
export class FontBook {
  private readonly registered = new Set<FontKey>();

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  /** Makes `key` the document's current font at `size`. */
  use(key: FontKey, size: number): void {
    if (!this.registered.has(key)) {
      this.doc.registerFont(key, fontBytes(key));
      this.registered.add(key);
    }
    this.doc.font(key).fontSize(size);
    tuneEmbeddedFont(this.doc, key);
  }

  /** The font for `codePoint`: `current` when it has the glyph (keeps spaces and marks inside a run), else the first subset that has it. */
  pick(codePoint: number, weight: Weight, current?: FontKey): FontKey {
    if (current && this.face(current).hasGlyphForCodePoint(codePoint)) return current;
    const cacheKey = `${weight}:${codePoint}`;
    const known = firstCovering.get(cacheKey);
    if (known) return known;
    const chain = CHAINS[weight];
    // No subset has it: the first one draws .notdef, and the text layer still carries the character.
    const key = chain.find((k) => this.face(k).hasGlyphForCodePoint(codePoint)) ?? chain[0]!;
    if (firstCovering.size >= 20_000) firstCovering.clear();
    firstCovering.set(cacheKey, key);
    return key;
  }

  /** The fontkit face behind a key; pdfkit 0.20 keeps it on the current font (`_font.font`). */
  private face(key: FontKey): Face {
    const known = faces.get(key);
    if (known) return known;
    this.use(key, 12);
    const face = (this.doc as unknown as { _font?: { font?: Partial<Face> } })._font?.font;
    if (typeof face?.hasGlyphForCodePoint !== "function") throw new Error("pdfkit no longer exposes the fontkit face of its fonts");
    faces.set(key, face as Face);
    return face as Face;
  }
}
