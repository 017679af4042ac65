import "server-only";

type Glyph = { id: number; codePoints: number[]; advanceWidth: number };
type Face = { getGlyph(id: number, codePoints?: number[]): Glyph };
/** The parts of pdfkit 0.20's EmbeddedFont (and its fontkit subset) this file relies on. */
type EmbeddedFont = {
  font: Face;
  subset: { includeGlyph(id: number): number; glyphs: number[] };
  widths: number[];
  unicode: number[][];
  scale: number;
  layoutRun(text: string, features?: unknown): { glyphs: Glyph[]; positions: unknown[]; advanceWidth: number };
  layout(text: string, features?: unknown): { glyphs: Glyph[]; positions: unknown[] };
  encode(text: string, features?: unknown): [string[], unknown[]];
};

const patched = new WeakSet<object>();
const CACHED_RUNS = 10_000;

function isEmbeddedFont(font: unknown): font is EmbeddedFont {
  const f = font as Partial<EmbeddedFont> | undefined;
  return (
    typeof f?.encode === "function" &&
    typeof f.layout === "function" &&
    typeof f.layoutRun === "function" &&
    typeof f.font?.getGlyph === "function" &&
    typeof f.subset?.includeGlyph === "function" &&
    Array.isArray(f.subset.glyphs) &&
    Array.isArray(f.unicode) &&
    Array.isArray(f.widths)
  );
}

/**
 * Adjusts the document's current font (once per font and document), relying on pdfkit 0.20 internals:
 * - an exact ToUnicode map. pdfkit gives each glyph the characters it was first drawn for, and fontkit
 *   caches glyphs with the characters they were first made for. Noto Sans Arabic draws ب ت ث ن ي (and
 *   ف ق, ى ي) as one dotless skeleton plus dot glyphs, so "نوفمبر" would read back as "بوفمبر". Here each
 *   (glyph, characters) pair gets its own glyph id in the subset (same outline, copied), so text
 *   extraction and search return what was written;
 * - a bounded cache of shaped runs, in place of pdfkit's, which keeps every distinct word of the report.
 */
export function tuneEmbeddedFont(doc: PDFKit.PDFDocument): void {
  const font: unknown = (doc as unknown as { _font?: unknown })._font;
  if (!font || patched.has(font)) return;
  if (!isEmbeddedFont(font)) throw new Error("pdfkit's embedded font no longer has the shape this renderer expects");
  patched.add(font);

  const face = font.font;
  const getGlyph = face.getGlyph;
  // fontkit's cache returns the glyph first made for another character: hand out a view with this call's characters.
  face.getGlyph = function (id, codePoints = []) {
    const glyph = getGlyph.call(this, id, codePoints);
    const same = glyph.codePoints.length === codePoints.length && glyph.codePoints.every((c, i) => c === codePoints[i]);
    return same ? glyph : (Object.create(glyph, { codePoints: { value: codePoints } }) as Glyph);
  };

  // pdfkit's own layout cache never forgets (one entry per distinct word of the report): the document
  // turns it off (`fontLayoutCache: false`) and runs are remembered here, a bounded number at a time.
  const layoutRun = font.layoutRun.bind(font);
  const runs = new Map<string, ReturnType<EmbeddedFont["layoutRun"]>>();
  font.layoutRun = (text, features) => {
    const key = features ? `${JSON.stringify(features)}\u0000${text}` : text;
    let run = runs.get(key);
    if (!run) {
      if (runs.size >= CACHED_RUNS) runs.clear();
      run = layoutRun(text, features);
      runs.set(key, run);
    }
    return run;
  };

  const ids = new Map<string, number>();
  const owners = new Map<number, string>();
  font.encode = (text, features) => {
    const { glyphs, positions } = font.layout(text, features);
    const encoded = glyphs.map((glyph) => {
      const key = `${glyph.id}:${glyph.codePoints.join(",")}`;
      let id = ids.get(key);
      if (id === undefined) {
        id = font.subset.includeGlyph(glyph.id);
        const owner = owners.get(id) ?? (id === 0 ? "0:" : undefined);
        if (owner !== undefined && owner !== key) id = font.subset.glyphs.push(glyph.id) - 1;
        ids.set(key, id);
        owners.set(id, key);
        font.widths[id] = glyph.advanceWidth * font.scale;
        font.unicode[id] = glyph.codePoints;
      }
      return id.toString(16).padStart(4, "0");
    });
    return [encoded, positions];
  };
}
