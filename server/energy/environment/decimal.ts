/**
 * Exact decimal arithmetic on BigInt for the CO₂ products: value = int / 10^scale. Sums of
 * readings come from SQL as numeric text and factors are numeric(12,6), so a product such as
 * 1 234.5 kWh × 0.634 kg/kWh is exactly 782.6973 kg. Nothing is rounded here except a
 * quotient (`div`), which cannot be exact, and only to the scale asked for.
 */
export type Decimal = { readonly int: bigint; readonly scale: number };

const pattern = /^(-)?(\d+)(?:\.(\d+))?$/;
const pow10 = (n: number) => 10n ** BigInt(n);

export const zero: Decimal = { int: 0n, scale: 0 };

/** Parses `-12.345` / `1234.5` / `0` (PostgreSQL numeric text); null and "" read as zero. */
export function dec(text: string | number | null | undefined): Decimal {
  if (text === null || text === undefined || text === "") return zero;
  const value = typeof text === "number" ? String(text) : text.trim();
  const match = pattern.exec(value);
  if (!match) throw new Error(`not a plain decimal: ${value}`);
  const fraction = match[3] ?? "";
  const int = BigInt(`${match[2]}${fraction}`);
  return { int: match[1] ? -int : int, scale: fraction.length };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.int * pow10(scale - a.scale), b.int * pow10(scale - b.scale), scale];
}

export function add(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return { int: x + y, scale };
}

export function sum(values: Decimal[]): Decimal {
  return values.reduce(add, zero);
}

export function mul(a: Decimal, b: Decimal): Decimal {
  return { int: a.int * b.int, scale: a.scale + b.scale };
}

export function cmp(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export const isZero = (a: Decimal) => a.int === 0n;

/** Rounds half away from zero to `scale` decimals (never adds precision). */
export function round(a: Decimal, scale: number): Decimal {
  if (a.scale <= scale) return a;
  const divisor = pow10(a.scale - scale);
  const negative = a.int < 0n;
  const abs = negative ? -a.int : a.int;
  const q = (abs + divisor / 2n) / divisor;
  return { int: negative ? -q : q, scale };
}

/** a ÷ b rounded half away from zero to `scale` decimals; null when b is zero. */
export function div(a: Decimal, b: Decimal, scale: number): Decimal | null {
  if (b.int === 0n) return null;
  // a/b = (a.int / 10^as) / (b.int / 10^bs); compute with two guard digits, then round.
  const guard = scale + 2;
  const numerator = a.int * pow10(guard + b.scale);
  const denominator = b.int * pow10(a.scale);
  return round({ int: numerator / denominator, scale: guard }, scale);
}

/** Canonical text: no exponent, no trailing zeros after the point (`782.6973`, `0`, `-1.5`). */
export function text(a: Decimal): string {
  const negative = a.int < 0n;
  let digits = (negative ? -a.int : a.int).toString().padStart(a.scale + 1, "0");
  let out = digits;
  if (a.scale > 0) {
    const head = digits.slice(0, digits.length - a.scale);
    const tail = digits.slice(digits.length - a.scale).replace(/0+$/, "");
    out = tail ? `${head}.${tail}` : head;
  }
  digits = out;
  return negative && digits !== "0" ? `-${digits}` : digits;
}

/** The nearest double (for JSON and charts); the exact value is `text(a)`. */
export const num = (a: Decimal) => Number(text(a));
