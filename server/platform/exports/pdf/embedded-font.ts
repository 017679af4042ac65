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
type ShapedRun = ReturnType<EmbeddedFont["layoutRun"]>;
/**
 * Shaped runs by font file (the FontBook's key), shared by every document of the process: shaping
 * (Arabic above all: GSUB/GPOS lookups) is the largest cost of a render, and a run depends only on
 * the font file and the text. A run is read, never changed, once pdfkit has scaled it.
 */
const sharedRuns = new Map<string, Map<string, ShapedRun>>();

/** A TrueType glyph as fontkit's subset copies it: its `glyf` bytes, its components (compound glyphs) and its metrics. */
type SubsetGlyph = { bytes: Uint8Array; components: { glyphID: number; pos: number }[] | null; advance: number; bearing: number };
/** fontkit's TrueType subset (TTFSubset) while it encodes: the fields its `_addGlyph` fills. */
type TtfSubset = {
  font: {
    getGlyph(id: number): {
      advanceWidth: number;
      _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null;
      _getMetrics(): { leftBearing: number };
    };
    loca: { offsets: number[] };
    _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
    _variationProcessor?: unknown;
  };
  includeGlyph(id: number): number;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  _addGlyph?: (gid: number) => number;
};
/**
 * Subset glyphs by font file, shared by every document: fontkit decodes every glyph again for each
 * document it embeds (to find compound glyphs and metrics); the bytes it copies are the same each time.
 */
const sharedGlyphs = new Map<string, Map<number, SubsetGlyph>>();
const CACHED_GLYPHS = 20_000;

function subsetGlyph(subset: TtfSubset, gid: number): SubsetGlyph {
  const { font } = subset;
  const glyph = font.getGlyph(gid);
  const decoded = glyph._decode();
  const from = font.loca.offsets[gid]!;
  const stream = font._getTableStream("glyf");
  stream.pos += from;
  const bytes = stream.readBuffer(font.loca.offsets[gid + 1]! - from);
  const components =
    decoded && decoded.numberOfContours < 0 ? (decoded.components ?? []).map(({ glyphID, pos }) => ({ glyphID, pos })) : null;
  return { bytes, components, advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing };
}

/** Makes a TrueType subset copy glyphs through the shared cache (what fontkit 2's TTFSubset._addGlyph does, minus the decoding). */
function shareSubsetGlyphs(subset: TtfSubset, key: string): void {
  if (typeof subset._addGlyph !== "function" || subset.font._variationProcessor) return;
  let glyphs = sharedGlyphs.get(key);
  if (!glyphs) sharedGlyphs.set(key, (glyphs = new Map()));
  subset._addGlyph = (gid) => {
    let glyph = glyphs.get(gid);
    if (!glyph) {
      if (glyphs.size >= CACHED_GLYPHS) glyphs.clear();
      glyph = subsetGlyph(subset, gid);
      glyphs.set(gid, glyph);
    }
    let bytes = glyph.bytes;
    if (glyph.components) {
      // A compound glyph names its components by glyph id: renumber them in this subset.
      bytes = new Uint8Array(bytes);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (const component of glyph.components) view.setUint16(component.pos, subset.includeGlyph(component.glyphID));
    }
    subset.glyf.push(bytes);
    subset.loca.offsets.push(subset.offset);
    subset.hmtx.metrics.push({ advance: glyph.advance, bearing: glyph.bearing });
    subset.offset += bytes.length;
    return subset.glyf.length - 1;
  };
}

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
 * - a bounded cache of shaped runs, in place of pdfkit's, which keeps every distinct word of the report;
 * - subset glyphs copied from a cache: fontkit decodes each glyph again for every document it embeds.
 * Both caches are per font file (`key`, the FontBook's name for it) and shared by all documents.
 */
export function tuneEmbeddedFont(doc: PDFKit.PDFDocument, key: string): void {
  const font: unknown = (doc as unknown as { _font?: unknown })._font;
  if (!font || patched.has(font)) return;
  if (!isEmbeddedFont(font)) throw new Error("pdfkit's embedded font no longer has the shape this renderer expects");
  patched.add(font);

  shareSubsetGlyphs(font.subset as unknown as TtfSubset, key);

  const face = font.font;
  const getGlyph = face.getGlyph;
  // fontkit's cache returns the glyph first made for another character: hand out a view with this call's characters.
  face.getGlyph = function (id, codePoints = []) {
    const glyph = getGlyph.call(this, id, codePoints);
    const same = glyph.codePoints.length === codePoints.length && glyph.codePoints.every((c, i) => c === codePoints[i]);
    return same ? glyph : (Object.create(glyph, { codePoints: { value: codePoints } }) as Glyph);
  };

  // pdfkit's own layout cache never forgets (one entry per distinct word of the report) and lives
  // one document: the document turns it off (`fontLayoutCache: false`) and runs are remembered here,
  // across documents, a bounded number at a time per font file.
  const layoutRun = font.layoutRun.bind(font);
  let runs = sharedRuns.get(key);
  if (!runs) sharedRuns.set(key, (runs = new Map()));
  font.layoutRun = (text, features) => {
    const runKey = features ? `${JSON.stringify(features)}\u0000${text}` : text;
    let run = runs.get(runKey);
    if (!run) {
      if (runs.size >= CACHED_RUNS) runs.clear();
      run = layoutRun(text, features);
      runs.set(runKey, run);
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
