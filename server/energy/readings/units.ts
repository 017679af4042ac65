import { canonicalUnits, type MeterQuantity } from "@/lib/validation/meters";

/**
 * Units a reading may be sent in, per quantity, as a power of ten of the canonical unit
 * (kWh, kW, m³). Case matters where it carries meaning (MW is mega, mW would be milli and is
 * not accepted); the common unambiguous spellings `kwh`, `KWh`, `kw`, `KW` are admitted.
 */
const unitTable: Record<string, { quantity: MeterQuantity; exponent: number }> = {
  Wh: { quantity: "energy", exponent: -3 },
  kWh: { quantity: "energy", exponent: 0 },
  KWh: { quantity: "energy", exponent: 0 },
  kwh: { quantity: "energy", exponent: 0 },
  MWh: { quantity: "energy", exponent: 3 },
  GWh: { quantity: "energy", exponent: 6 },
  W: { quantity: "power", exponent: -3 },
  kW: { quantity: "power", exponent: 0 },
  KW: { quantity: "power", exponent: 0 },
  kw: { quantity: "power", exponent: 0 },
  MW: { quantity: "power", exponent: 3 },
  m3: { quantity: "volume", exponent: 0 },
  "m³": { quantity: "volume", exponent: 0 },
  L: { quantity: "volume", exponent: -3 },
  l: { quantity: "volume", exponent: -3 },
};

export const acceptedUnits = Object.keys(unitTable);

export type Conversion = { ok: true; value: number; unit: string } | { ok: false; code: "unknown_unit" | "unit_mismatch"; detail: string };

/** The quantity a unit measures, or null for a unit Dihya does not know. */
export function quantityOfUnit(unit: string): MeterQuantity | null {
  return unitTable[unit.trim()]?.quantity ?? null;
}

/**
 * `value` in `unit` converted to the canonical unit of `quantity`. Sub-units are divided
 * (1500 Wh → 1.5 kWh exactly), larger ones multiplied. A unit of another quantity (kW on an
 * energy meter) is `unit_mismatch`: power and energy are never mixed.
 */
export function toCanonical(value: number, unit: string, quantity: MeterQuantity): Conversion {
  const canonical = canonicalUnits[quantity];
  const entry = unitTable[unit.trim()];
  if (!entry) return { ok: false, code: "unknown_unit", detail: `Unknown unit "${unit}"; use ${acceptedOf(quantity).join(", ")}.` };
  if (entry.quantity !== quantity) {
    return {
      ok: false,
      code: "unit_mismatch",
      detail: `"${unit}" measures ${entry.quantity}; this meter measures ${quantity} (${acceptedOf(quantity).join(", ")}).`,
    };
  }
  const converted = entry.exponent < 0 ? value / 10 ** -entry.exponent : value * 10 ** entry.exponent;
  return { ok: true, value: converted, unit: canonical };
}

function acceptedOf(quantity: MeterQuantity): string[] {
  const spelled = { energy: ["Wh", "kWh", "MWh", "GWh"], power: ["W", "kW", "MW"], volume: ["m3", "m³", "L"] };
  return spelled[quantity];
}
