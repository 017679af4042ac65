import "server-only";
import type { MeterQuantity, MeterRegister } from "@/lib/validation/meters";
import { alignToInterval, parseOffsetTimestamp } from "./timestamps";
import type { Rejection } from "./types";
import { toCanonical } from "./units";

/** What ingest needs to know of a meter (loaded once per batch, locked). */
export type MeterInfo = {
  id: string;
  siteId: string;
  code: string;
  quantity: MeterQuantity;
  register: MeterRegister;
  intervalMinutes: number;
  rolloverAt: number | null;
  jitterTolerance: number;
  active: boolean;
  lastIndexAt: Date | null;
};

/**
 * One valid item, in canonical units. `instant` is the sent time aligned down to the
 * meter's interval start. An interval meter's row is stored at `instant`; a cumulative
 * meter's index read at `instant` closes the interval that started one interval earlier,
 * so its row (the consumption of that interval) is stored at `instant − interval`.
 */
export type Candidate = {
  index: number;
  meter: MeterInfo;
  ts: Date;
  instant: Date;
  value: number;
  originalValue: number;
  originalUnit: string;
  quality: "measured" | "estimated";
  replacement: boolean;
};

export type ItemRejection = Rejection & { meterId: string | null; meterCode: string | null };
export type ItemOutcome = { ok: true; candidate: Candidate } | { ok: false; rejection: ItemRejection };

/** Timestamps further ahead than this are refused (clock drift of a gateway is tolerated up to it). */
export const futureToleranceMs = 5 * 60_000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The meter code an item names (trimmed), or null. */
export function itemMeterCode(raw: unknown): string | null {
  return isRecord(raw) && typeof raw.meter === "string" && raw.meter.trim() !== "" ? raw.meter.trim() : null;
}

/**
 * Checks one item on its own: `{ meter, ts, value, unit, quality?, event? }`. Unknown extra
 * fields are ignored. `meters` is keyed by lower-case code.
 */
export function validateItem(raw: unknown, index: number, meters: Map<string, MeterInfo>, now: number): ItemOutcome {
  const code = itemMeterCode(raw);
  const reject = (c: string, detail: string, meter?: MeterInfo): ItemOutcome => ({
    ok: false,
    rejection: { index, code: c, detail, meterId: meter?.id ?? null, meterCode: meter?.code ?? code },
  });
  if (!isRecord(raw)) return reject("invalid_item", "Each reading is a JSON object { meter, ts, value, unit }.");
  if (!code) return reject("missing_meter", "`meter` (the meter code) is required.");
  const meter = meters.get(code.toLowerCase());
  if (!meter) return reject("unknown_meter", `No meter has the code "${code.slice(0, 64)}".`);
  if (!meter.active) return reject("inactive_meter", `Meter ${meter.code} is deactivated: it takes no new readings.`, meter);
  const ts = parseOffsetTimestamp(raw.ts);
  if (!ts.ok) return reject("invalid_timestamp", ts.detail, meter);
  if (ts.date.getTime() > now + futureToleranceMs) {
    return reject("future_timestamp", `${ts.date.toISOString()} is more than 5 minutes in the future.`, meter);
  }
  if (typeof raw.value !== "number" || !Number.isFinite(raw.value))
    return reject("invalid_value", "`value` must be a finite JSON number.", meter);
  if (typeof raw.unit !== "string") return reject("unknown_unit", "`unit` is required (e.g. kWh, kW, m3).", meter);
  const converted = toCanonical(raw.value, raw.unit, meter.quantity);
  if (!converted.ok) return reject(converted.code, converted.detail, meter);
  if (converted.value < 0 && meter.quantity !== "power") {
    return reject("negative_value", `A ${meter.register === "cumulative" ? "counter index" : meter.quantity} cannot be negative.`, meter);
  }
  if (raw.quality !== undefined && raw.quality !== "measured" && raw.quality !== "estimated") {
    return reject("invalid_quality", '`quality` is "measured" (default) or "estimated".', meter);
  }
  if (raw.event !== undefined && raw.event !== "replacement") {
    return reject("invalid_event", '`event` may only be "replacement" (the meter was replaced; its index starts again).', meter);
  }
  const instant = alignToInterval(ts.date, meter.intervalMinutes);
  const cumulative = meter.register === "cumulative";
  return {
    ok: true,
    candidate: {
      index,
      meter,
      ts: cumulative ? new Date(instant.getTime() - meter.intervalMinutes * 60_000) : instant,
      instant,
      value: converted.value,
      originalValue: raw.value,
      originalUnit: raw.unit.trim(),
      quality: raw.quality === "estimated" ? "estimated" : "measured",
      replacement: raw.event === "replacement",
    },
  };
}
