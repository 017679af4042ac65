import { describe, expect, it } from "vitest";
import { counterStep } from "@/server/energy/readings/cumulative";
import { alignToInterval, parseOffsetTimestamp } from "@/server/energy/readings/timestamps";
import { quantityOfUnit, toCanonical } from "@/server/energy/readings/units";

describe("units", () => {
  it("converts energy, power and volume to kWh, kW and m³ exactly", () => {
    expect(toCanonical(1500, "Wh", "energy")).toEqual({ ok: true, value: 1.5, unit: "kWh" });
    expect(toCanonical(12.25, "kWh", "energy")).toEqual({ ok: true, value: 12.25, unit: "kWh" });
    expect(toCanonical(2.5, "MWh", "energy")).toEqual({ ok: true, value: 2500, unit: "kWh" });
    expect(toCanonical(0.003, "GWh", "energy")).toMatchObject({ ok: true, value: 3000 });
    expect(toCanonical(750, "W", "power")).toEqual({ ok: true, value: 0.75, unit: "kW" });
    expect(toCanonical(1.2, "MW", "power")).toEqual({ ok: true, value: 1200, unit: "kW" });
    expect(toCanonical(3, "m³", "volume")).toEqual({ ok: true, value: 3, unit: "m3" });
    expect(toCanonical(250, "L", "volume")).toEqual({ ok: true, value: 0.25, unit: "m3" });
    expect(toCanonical(7, " kwh ", "energy")).toMatchObject({ ok: true, value: 7 });
  });

  it("never mixes power and energy, and refuses unknown or ambiguous spellings", () => {
    expect(toCanonical(5, "kW", "energy")).toMatchObject({ ok: false, code: "unit_mismatch" });
    expect(toCanonical(5, "kWh", "power")).toMatchObject({ ok: false, code: "unit_mismatch" });
    expect(toCanonical(5, "m3", "energy")).toMatchObject({ ok: false, code: "unit_mismatch" });
    expect(toCanonical(5, "mW", "power")).toMatchObject({ ok: false, code: "unknown_unit" });
    expect(toCanonical(5, "therm", "energy")).toMatchObject({ ok: false, code: "unknown_unit" });
    expect(quantityOfUnit("MWh")).toBe("energy");
    expect(quantityOfUnit("mwh")).toBeNull();
  });
});

describe("timestamps", () => {
  it("needs an offset and a real calendar date", () => {
    const at = (s: string) => {
      const p = parseOffsetTimestamp(s);
      return p.ok ? p.date.toISOString() : null;
    };
    expect(at("2026-03-29T03:15:00+02:00")).toBe("2026-03-29T01:15:00.000Z");
    expect(at("2026-03-29T01:15:00Z")).toBe("2026-03-29T01:15:00.000Z");
    expect(at("2026-03-29T02:15+0100")).toBe("2026-03-29T01:15:00.000Z");
    expect(at("2026-03-29T01:15:07.250-00:30")).toBe("2026-03-29T01:45:07.250Z");
    expect(at("2026-03-29T01:15:00")).toBeNull();
    expect(at("2026-02-30T00:00:00Z")).toBeNull();
    expect(at("2026-03-01T24:00:00Z")).toBeNull();
    expect(at("yesterday")).toBeNull();
    expect(parseOffsetTimestamp(1711675200000).ok).toBe(false);
  });

  it("aligns to the interval start in UTC", () => {
    expect(alignToInterval(new Date("2026-03-29T01:29:59.999Z"), 15).toISOString()).toBe("2026-03-29T01:15:00.000Z");
    expect(alignToInterval(new Date("2026-03-29T01:15:00.000Z"), 15).toISOString()).toBe("2026-03-29T01:15:00.000Z");
    expect(alignToInterval(new Date("2026-03-29T13:40:00.000Z"), 60).toISOString()).toBe("2026-03-29T13:00:00.000Z");
  });
});

describe("cumulative counters", () => {
  const rules = { intervalMs: 900_000, jitterTolerance: 0.5, rolloverAt: 99_999 };
  const prev = { index: 99_990, instant: 0 };
  it("turns indices into consumption without negative spikes", () => {
    expect(counterStep(prev, 99_995, 900_000, false, rules)).toEqual({ value: 5, flags: [], effective: 99_995 });
    expect(counterStep(prev, 99_989.7, 900_000, false, rules)).toEqual({ value: 0, flags: ["jitter"], effective: 99_990 });
    expect(counterStep(prev, 3, 900_000, false, rules)).toEqual({ value: 12, flags: ["rollover"], effective: 3 });
    expect(counterStep({ index: 50_000, instant: 0 }, 20, 900_000, false, rules)).toEqual({ value: 20, flags: ["reset"], effective: 20 });
    expect(counterStep(prev, 10, 900_000, true, rules)).toEqual({ value: 0, flags: ["replacement"], effective: 10 });
    expect(counterStep(null, 10, 900_000, false, rules)).toEqual({ value: 0, flags: ["gap_before"], effective: 10 });
    expect(counterStep(prev, 99_999, 2_700_000, false, rules)).toEqual({ value: 9, flags: ["gap_before"], effective: 99_999 });
  });
});
