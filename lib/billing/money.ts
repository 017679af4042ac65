/**
 * Integer money helpers for billing (pure, client- and server-safe).
 *
 * Money is integer minor units, unit prices integer micro-units, quantities integer thousandths,
 * rates basis points (see lib/billing/types.ts). Arithmetic is done in BigInt: never floats.
 *
 * Rounding is "half up" in magnitude (half away from zero): 0.5 → 1 and −0.5 → −1, so a credit
 * note or a negative regularisation mirrors the positive amount exactly.
 */

/** round_half_up(numerator / denominator), half away from zero. `denominator` must not be 0. */
export function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("roundHalfUp: division by zero");
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const q = (n * 2n + denominator) / (denominator * 2n);
  return negative ? -q : q;
}

/** floor(numerator / denominator) for any signs (BigInt `/` truncates toward zero). */
export function floorDiv(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("floorDiv: division by zero");
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const q = numerator / denominator;
  return numerator < 0n && q * denominator !== numerator ? q - 1n : q;
}

/** A BigInt back to a JS number, refusing values outside the safe integer range. */
export function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`amount out of the safe integer range: ${value}`);
  }
  return Number(value);
}

function big(value: number, name: string): bigint {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a safe integer, got ${value}`);
  return BigInt(value);
}

/** Line amount in minor units: round_half_up(quantityMilli × unitPriceMicro / 10^7). */
export function lineAmountMinor(quantityMilli: number, unitPriceMicro: number): number {
  return toSafeNumber(roundHalfUp(big(quantityMilli, "quantityMilli") * big(unitPriceMicro, "unitPriceMicro"), 10_000_000n));
}

/** Tax on a base: round_half_up(baseMinor × bp / 10 000). */
export function taxMinor(baseMinor: number, bp: number): number {
  return toSafeNumber(roundHalfUp(big(baseMinor, "baseMinor") * big(bp, "bp"), 10_000n));
}

/** The before-tax part of a tax-included amount: round_half_up(ttc × 10 000 / (10 000 + bp)). */
export function baseFromInclusiveMinor(inclusiveMinor: number, bp: number): number {
  return toSafeNumber(roundHalfUp(big(inclusiveMinor, "inclusiveMinor") * 10_000n, 10_000n + big(bp, "bp")));
}

/** Minor units → micro-units (1 minor = 10 000 micro for two-decimal currencies). */
export function minorToMicro(minor: number): number {
  return minor * 10_000;
}

/** Fraction digits of every supported currency (DZD, MAD, EUR): 2. */
export const currencyDecimals = 2;

/**
 * The Intl locale used to format numbers for each app locale. Deterministic choices:
 * - fr, kab → "fr-DZ" (French conventions, "DA" for the dinar);
 * - zgh → "fr-MA" (Moroccan French conventions; CLDR has no Tifinagh number data worth using);
 * - ar → "ar-DZ" with Latin digits (`-u-nu-latn`), as on Algerian and Moroccan bills;
 * - en → "en-GB".
 * Any other value falls back to "fr-DZ".
 */
export function numberLocale(locale: string): string {
  switch (locale) {
    case "ar":
      return "ar-DZ-u-nu-latn";
    case "en":
      return "en-GB";
    case "zgh":
      return "fr-MA";
    default:
      return "fr-DZ";
  }
}

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let f = formatters.get(key);
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

/** Formats integer minor units as a currency amount, 2 decimals ("1 707,10 DA", "€63.56"). */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const tag = numberLocale(locale);
  const f = formatter(
    `m|${tag}|${currency}`,
    () => new Intl.NumberFormat(tag, { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  );
  // Exact decimal string → Intl (string input keeps every digit, no float rounding).
  return f.format(minorToDecimalString(minor) as unknown as number);
}

/** Formats a unit price in micro-units (up to 6 decimals, at least 2): "0,1740 €" style without the symbol. */
export function formatUnitPrice(micro: number, locale: string): string {
  const tag = numberLocale(locale);
  const f = formatter(`p|${tag}`, () => new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 6 }));
  return f.format(scaledDecimalString(micro, 6) as unknown as number);
}

/** Formats a quantity in thousandths (450000 → "450", 1500 → "1,5"), up to 3 decimals. */
export function formatQuantity(milli: number, locale: string): string {
  const tag = numberLocale(locale);
  const f = formatter(`q|${tag}`, () => new Intl.NumberFormat(tag, { maximumFractionDigits: 3 }));
  return f.format(scaledDecimalString(milli, 3) as unknown as number);
}

/** "170710" minor → "1707.10". */
export function minorToDecimalString(minor: number): string {
  return scaledDecimalString(minor, currencyDecimals, true);
}

function scaledDecimalString(value: number, decimals: number, keepZeros = false): string {
  const v = big(value, "value");
  const negative = v < 0n;
  const digits = (negative ? -v : v).toString().padStart(decimals + 1, "0");
  const int = digits.slice(0, digits.length - decimals);
  let frac = digits.slice(digits.length - decimals);
  if (!keepZeros) frac = frac.replace(/0+$/, "");
  return `${negative ? "-" : ""}${int}${frac ? `.${frac}` : ""}`;
}

/**
 * Parses an amount typed in a form into minor units: "1 707,10", "1707.1", "1.707,10", "-12,5", "63".
 * Spaces (incl. no-break) and apostrophes are grouping; the last `,` or `.` followed by 1–2 digits
 * is the decimal separator; other separators are grouping. More than 2 decimals, letters or an
 * empty string → null.
 */
export function parseMoneyInput(input: string): number | null {
  return parseScaled(input, currencyDecimals);
}

/** Parses a decimal typed in a form into an integer scaled by 10^decimals ("0,1740" → 174000 micro with 6). */
export function parseScaled(input: string, decimals: number): number | null {
  let s = input.trim().replace(/[\s\u00a0\u202f'’]/g, "");
  let negative = false;
  if (s.startsWith("-") || s.startsWith("−")) {
    negative = true;
    s = s.slice(1);
  } else if (s.startsWith("+")) s = s.slice(1);
  if (!s || !/^[\d.,]+$/.test(s)) return null;
  const lastSep = Math.max(s.lastIndexOf(","), s.lastIndexOf("."));
  let intPart = s;
  let fracPart = "";
  if (lastSep >= 0) {
    const sep = s.charAt(lastSep);
    const tail = s.slice(lastSep + 1);
    const mixed = s.includes(",") && s.includes(".");
    const repeated = s.split(sep).length > 2;
    // "1.707" or "1,707" for money: three digits cannot be cents, so the separator groups thousands.
    const groupsOnly = (!mixed && repeated) || (decimals < 3 && tail.length === 3);
    if (!groupsOnly) {
      intPart = s.slice(0, lastSep);
      fracPart = tail;
    }
  }
  if (/[.,]/.test(intPart)) {
    // Grouping separators: one kind only, groups of three digits after the first.
    if (fracPart && intPart.includes(s.charAt(lastSep))) return null;
    const groups = intPart.split(/[.,]/);
    if (new Set(intPart.replace(/\d/g, "")).size > 1) return null;
    if (!/^[1-9]\d{0,2}$/.test(groups[0] ?? "") || groups.slice(1).some((g) => !/^\d{3}$/.test(g))) return null;
  }
  intPart = intPart.replace(/[.,]/g, "");
  if (!/^\d*$/.test(intPart) || !/^\d*$/.test(fracPart) || (!intPart && !fracPart)) return null;
  if (fracPart.length > decimals) return null;
  const scaled = BigInt(intPart || "0") * 10n ** BigInt(decimals) + BigInt((fracPart || "").padEnd(decimals, "0") || "0");
  if (scaled > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const n = Number(scaled);
  return negative ? -n : n;
}
