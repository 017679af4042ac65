/**
 * The parts of the demo that go through the real ingest path, so they are flagged,
 * historised, audited and reported exactly like live data: the last day of the cumulative
 * meter (with a counter reset and a little backward jitter), a late correction from the
 * distribution operator, and a gateway replay mixing duplicates with invalid items.
 */
import type { Tx } from "@/db/client";
import type { SystemActor } from "@/server/auth/actor";
import { ingestReadings } from "@/server/energy/readings/ingest";
import { cumulativeMeterCode } from "./plan";
import type { SlotRange } from "./shape-types";

/** Slots of the cumulative meter sent through ingest (its last day). */
export const tailSlots = 96;
/** Within that day: the slot whose index shows the counter reset, and the jittery one. */
const resetSlot = 40;
const jitterSlot = 70;
/** The late correction: this meter, this many slots before the end, value × 1.08, sent in MWh. */
export const correctedMeterCode = "MA-CAS-SS01-C1";
export const correctionSlotsAgo = 3 * 96 + 30;

type DemoMeter = { id: string; code: string; values: Float64Array };
type Context = { range: SlotRange; meters: DemoMeter[]; timezones: Map<string, string> };

/** ISO 8601 with the zone's offset at that instant, as a gateway on site sends it. */
export function isoWithOffset(ms: number, timeZone: string): string {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(new Date(ms))
    .find((p) => p.type === "timeZoneName")?.value;
  const offset = name && name !== "GMT" ? name.slice(3) : "+00:00";
  const local = new Date(ms + offsetMinutes(offset) * 60_000).toISOString().slice(0, 19);
  return `${local}${offset}`;
}

const offsetMinutes = (offset: string) => {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
};

/** The cumulative meter's last day as index readings: the counter restarts from zero mid-day. */
function counterTail(ctx: Context, meter: DemoMeter, lastIndex: number): unknown[] {
  const { range } = ctx;
  const step = range.intervalMinutes * 60_000;
  const tz = ctx.timezones.get(meter.code) ?? "UTC";
  const items: unknown[] = [];
  let index = lastIndex;
  for (let k = 0; k < tailSlots; k++) {
    const slot = range.slots - tailSlots + k;
    const used = meter.values[slot]!;
    if (Number.isNaN(used)) continue;
    index = k === resetSlot ? Math.round(used * 0.4 * 1000) / 1000 : Math.round((index + used) * 1000) / 1000;
    const sent = k === jitterSlot ? Math.round((index - used - 0.4) * 1000) / 1000 : index;
    items.push({ meter: meter.code, ts: isoWithOffset(range.start + (slot + 1) * step, tz), value: sent, unit: "kWh" });
  }
  return items;
}

/** Items 0–1 are replayed duplicates; the others are refused for five different reasons. */
function gatewayReplay(ctx: Context): unknown[] {
  const { range } = ctx;
  const step = range.intervalMinutes * 60_000;
  const slot = range.slots - 96;
  const at = (code: string) => isoWithOffset(range.start + slot * step, ctx.timezones.get(code) ?? "UTC");
  const valueOf = (code: string) => ctx.meters.find((m) => m.code === code)?.values[slot] ?? 0;
  const later = Math.max(range.start + range.slots * step, Date.now()) + 3 * 3_600_000;
  return [
    { meter: "DZ-ALG-SS01-C1", ts: at("DZ-ALG-SS01-C1"), value: valueOf("DZ-ALG-SS01-C1"), unit: "kW" },
    { meter: "MA-OZT-PV01-C1", ts: at("MA-OZT-PV01-C1"), value: valueOf("MA-OZT-PV01-C1"), unit: "kWh" },
    { meter: "DZ-ALG-SS01-C1", ts: isoWithOffset(later, "Africa/Algiers"), value: 181_250, unit: "kW" },
    { meter: "DZ-TLM-PV01-P1", ts: at("DZ-ALG-SS01-C1"), value: 1_250.5, unit: "kWh" },
    { meter: correctedMeterCode, ts: at(correctedMeterCode), value: 48_500, unit: "kW" },
    { meter: "DZ-ORN-TG01-P1", ts: at("DZ-ALG-SS01-C1"), value: 0, unit: "MWh" },
    { meter: "DZ-ADR-PV01-C1", ts: at("DZ-ADR-PV01-C1"), value: -3.2, unit: "kWh" },
  ];
}

/** Runs the three ingest batches; returns how many new readings they stored. */
export async function demoIngest(tx: Tx, actor: SystemActor, ctx: Context, lastIndex: number | null): Promise<number> {
  let accepted = 0;
  const counter = ctx.meters.find((m) => m.code === cumulativeMeterCode);
  if (counter && lastIndex !== null) {
    accepted += (await ingestReadings(tx, actor, counterTail(ctx, counter, lastIndex), { source: "seed" })).accepted;
  }
  const corrected = ctx.meters.find((m) => m.code === correctedMeterCode);
  const slot = ctx.range.slots - correctionSlotsAgo;
  const old = corrected?.values[slot];
  if (corrected && slot >= 0 && old !== undefined && !Number.isNaN(old)) {
    const ts = isoWithOffset(ctx.range.start + slot * ctx.range.intervalMinutes * 60_000, ctx.timezones.get(corrected.code) ?? "UTC");
    const item = { meter: corrected.code, ts, value: Math.round(old * 1.08) / 1000, unit: "MWh" };
    accepted += (await ingestReadings(tx, actor, [item], { source: "seed" })).accepted;
  }
  accepted += (await ingestReadings(tx, actor, gatewayReplay(ctx), { source: "seed" })).accepted;
  return accepted;
}
