import "server-only";
import bidiFactory from "bidi-js";
import type { FontBook, FontKey, Weight } from "./fonts";

export type Direction = "ltr" | "rtl";

/** A piece of one line drawn with one font: `text` in drawing order, `features` set when pdfkit must shape it as one run. */
export type Run = { text: string; font: FontKey; features: [] | undefined };

const bidi = bidiFactory();

const MAY_NEED_BIDI = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200f\u202b\u202e\u2067\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
const FIRST_SCRIPT_CHAR = /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;
// The scripts fontkit lays out right to left (it then returns the glyphs in visual order).
const FONTKIT_RTL =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Cypriot}\p{Script=Kharoshthi}\p{Script=Phoenician}\p{Script=Nko}\p{Script=Lydian}\p{Script=Avestan}\p{Script=Imperial_Aramaic}\p{Script=Inscriptional_Pahlavi}\p{Script=Inscriptional_Parthian}\p{Script=Old_South_Arabian}\p{Script=Old_Turkic}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Meroitic_Cursive}\p{Script=Meroitic_Hieroglyphs}\p{Script=Manichaean}\p{Script=Mende_Kikakui}\p{Script=Nabataean}\p{Script=Old_North_Arabian}\p{Script=Palmyrene}\p{Script=Psalter_Pahlavi}]/u;

/** NFC, one kind of line break, no control characters, single spaces. */
export function cleanText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n")
    .replace(/[\t\v\f]/g, " ")
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, "")
    .replace(/ {2,}/g, " ");
}

/** The direction of a paragraph: its first strong character decides (UAX #9 P2), else `fallback`. */
export function paragraphDirection(text: string, fallback: Direction): Direction {
  if (!MAY_NEED_BIDI.test(text)) return /\p{L}/u.test(text) ? "ltr" : fallback;
  for (const char of text) {
    const type = bidi.getBidiCharTypeName(char);
    if (type === "L") return "ltr";
    if (type === "R" || type === "AL") return "rtl";
  }
  return fallback;
}

/** True when fontkit will reverse the glyphs of `text` (its first non-common character is in a right-to-left script). */
function fontkitReverses(text: string): boolean {
  const first = FIRST_SCRIPT_CHAR.exec(text);
  return first !== null && FONTKIT_RTL.test(first[0]);
}

/** Reverses grapheme-ish clusters (a base and its combining marks stay together). */
function reverseClusters(text: string): string {
  return (text.match(/\P{M}\p{M}*|\p{M}+/gu) ?? []).reverse().join("");
}

type Piece = { text: string; font: FontKey; level: number };

/** Logical pieces of `text`, each one font, split where the font or the bidi level changes. */
function pieces(text: string, levels: Uint8Array | null, weight: Weight, book: FontBook): Piece[] {
  const out: Piece[] = [];
  let current: Piece | undefined;
  let index = 0;
  for (const char of text) {
    const level = levels ? (levels[index] ?? 0) : 0;
    const mirrored = level % 2 === 1 ? bidi.getMirroredCharacter(char) : null;
    const font = book.pick(char.codePointAt(0)!, weight, current?.level === level ? current.font : undefined);
    if (current && current.font === font && current.level === level) current.text += mirrored ?? char;
    else out.push((current = { text: mirrored ?? char, font, level }));
    index += char.length;
  }
  return out;
}

/** UAX #9 L2 on whole pieces: from the highest level down to the lowest odd one, reverse each stretch at that level or above. */
function reorder(list: Piece[]): Piece[] {
  const levels = list.map((p) => p.level);
  const max = Math.max(0, ...levels);
  const minOdd = Math.min(...levels.map((l) => l | 1));
  for (let level = max; level >= minOdd; level--) {
    for (let i = 0; i < list.length; i++) {
      if (list[i]!.level < level) continue;
      let end = i;
      while (end + 1 < list.length && list[end + 1]!.level >= level) end++;
      list.splice(i, end - i + 1, ...list.slice(i, end + 1).reverse());
      i = end;
    }
  }
  return list;
}

function toRun(piece: Piece): Run {
  const shapedRtl = fontkitReverses(piece.text);
  // fontkit reverses right-to-left scripts itself; everything else is put in drawing order here.
  const flip = (piece.level % 2 === 1) !== shapedRtl;
  return { text: flip ? reverseClusters(piece.text) : piece.text, font: piece.font, features: shapedRtl ? [] : undefined };
}

/** The runs of one line (no line break inside, no trailing space), left to right as they are drawn. */
export function visualRuns(line: string, direction: Direction, weight: Weight, book: FontBook): Run[] {
  if (direction === "ltr" && !MAY_NEED_BIDI.test(line)) return pieces(line, null, weight, book).map(toRun);
  const { levels } = bidi.getEmbeddingLevels(line, direction);
  return reorder(pieces(line, levels, weight, book)).map(toRun);
}

/** The runs of a line in logical order, for measuring only (widths do not depend on the order). */
export function logicalRuns(text: string, weight: Weight, book: FontBook): Run[] {
  return pieces(text, null, weight, book).map((p) => ({ text: p.text, font: p.font, features: fontkitReverses(p.text) ? [] : undefined }));
}
