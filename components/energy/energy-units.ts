/** Units a reader sees: energy scaled to kWh, MWh or GWh, power to kW or MW (pure, client and server). */
export type EnergyUnit = "kWh" | "MWh" | "GWh";
export type PowerUnit = "kW" | "MW";

export function scaleEnergy(kwh: number): { value: number; unit: EnergyUnit } {
  const abs = Math.abs(kwh);
  if (abs >= 1e6) return { value: kwh / 1e6, unit: "GWh" };
  if (abs >= 1e3) return { value: kwh / 1e3, unit: "MWh" };
  return { value: kwh, unit: "kWh" };
}

export function scalePower(kw: number): { value: number; unit: PowerUnit } {
  return Math.abs(kw) >= 1e3 ? { value: kw / 1e3, unit: "MW" } : { value: kw, unit: "kW" };
}

/** Significant digits that read well: 1,234 · 12.3 · 1.23. */
export function digitsFor(value: number): number {
  const abs = Math.abs(value);
  return abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
}
