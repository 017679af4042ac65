/**
 * Demo meters and a year of 15-minute readings for every demo site (issue 5, item 10).
 * Generated values are inserted set-based, the rollups rebuilt once; the counter reset, the
 * late correction and a batch with invalid items go through the real ingest path, so they
 * are flagged, historised and reported exactly like live data. Idempotent: does nothing
 * when the demo meters already exist.
 */
import { inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { meters, sites, siteStatusHistory } from "@/db/schema";
import type { SystemActor } from "@/server/auth/actor";
import { refreshRollups } from "@/server/energy/readings/rollups";
import type { TouchedRange } from "@/server/energy/readings/types";
import { demoSites } from "../sites";
import { insertSeries } from "./bulk-insert";
import { createDemoMeter } from "./demo-meter";
import { demoIngest, tailSlots } from "./ingest-steps";
import { cumulativeMeterCode, demoGaps, metersOf, type DemoMeterPlan, type PlanSite } from "./plan";
import { activeAtEnd, applyStatus, type StatusChange } from "./site-status";
import type { SlotRange } from "./shape-types";

const intervalMinutes = 15;
const slotMs = intervalMinutes * 60_000;
const seedActor: SystemActor = { kind: "system", id: "seed" };

export type DemoReadingsResult = { meters: number; readings: number; ms: number };

/** Days of history: `opts.days`, else DIHYA_DEMO_READING_DAYS, else 365 (at least 2). */
function daysOf(days: number | undefined): number {
  const fromEnv = Number(process.env.DIHYA_DEMO_READING_DAYS);
  const value = days ?? (Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 365);
  return Math.max(2, Math.floor(value));
}

/**
 * A meter's canonical values per slot (kWh per interval to 3 decimals, or kW) from its
 * average power, with the site's status history applied and the demo gaps cut out (NaN).
 */
function generate(plan: DemoMeterPlan, range: SlotRange, changes: StatusChange[]): Float64Array {
  const hours = plan.quantity === "energy" ? range.intervalMinutes / 60 : 1;
  const values = plan.power(range).map((kw) => Math.round(kw * hours * 1000) / 1000);
  applyStatus(values, range, changes, plan.kind === "production");
  for (const gap of demoGaps.filter((g) => g.code === plan.code)) {
    const from = range.slots - Math.round(gap.daysAgo * 96);
    if (from >= 0) values.fill(Number.NaN, from, from + gap.slots);
  }
  return values;
}

/**
 * Creates the demo meters and `days` (DIHYA_DEMO_READING_DAYS, default 365) of 15-minute
 * readings ending at `now`, in the caller's transaction. Returns what it wrote; nothing when
 * the demo meters already exist or no demo site is there. `now` must not be in the future
 * (ingest refuses readings more than 5 minutes ahead).
 */
export async function seedDemoReadings(tx: Tx, opts: { days?: number; now?: Date } = {}): Promise<DemoReadingsResult> {
  const started = performance.now();
  const rows = await tx
    .select()
    .from(sites)
    .where(
      inArray(
        sites.code,
        demoSites.map((s) => s.code),
      ),
    );
  const planned = rows.map((site) => {
    const plan: PlanSite = {
      code: site.code,
      type: site.type,
      country: site.country,
      timezone: site.timezone,
      latitude: Number(site.latitude ?? 30),
      longitude: Number(site.longitude ?? 0),
      capacityMw: site.capacityMw === null ? null : Number(site.capacityMw),
    };
    return { site, meters: metersOf(plan) };
  });
  const codes = planned.flatMap((p) => p.meters.map((m) => m.code));
  if (codes.length === 0) return { meters: 0, readings: 0, ms: 0 };
  const existing = await tx.select({ id: meters.id }).from(meters).where(inArray(meters.code, codes)).limit(1);
  if (existing.length > 0) return { meters: 0, readings: 0, ms: 0 };

  const history = await tx
    .select()
    .from(siteStatusHistory)
    .where(
      inArray(
        siteStatusHistory.siteId,
        rows.map((s) => s.id),
      ),
    )
    .orderBy(siteStatusHistory.changedAt);
  const end = Math.floor((opts.now ?? new Date()).getTime() / slotMs) * slotMs;
  const range: SlotRange = { start: end - daysOf(opts.days) * 96 * slotMs, slots: daysOf(opts.days) * 96, intervalMinutes };

  const touched: TouchedRange[] = [];
  const created: { id: string; code: string; values: Float64Array }[] = [];
  const timezones = new Map<string, string>();
  let lastIndex: number | null = null;
  let readings = 0;
  for (const { site, meters: plans } of planned) {
    const changes: StatusChange[] = history.filter((h) => h.siteId === site.id).map((h) => ({ status: h.status, at: h.changedAt }));
    for (const plan of plans) {
      const values = generate(plan, range, changes);
      // The cumulative meter's last day is sent through ingest afterwards (counter reset, jitter).
      const cumulative = plan.code === cumulativeMeterCode;
      const held = cumulative ? values.subarray(0, range.slots - tailSlots) : values;
      const indexes = cumulative ? counterIndexes(held) : undefined;
      const last = lastReadingSlot(held);
      const slotTime = (slot: number) => new Date(range.start + slot * slotMs);
      const id = await createDemoMeter(tx, seedActor, site.id, plan, intervalMinutes, {
        active: activeAtEnd(changes),
        lastReadingAt: last >= 0 ? slotTime(last) : null,
        lastIndex: indexes && last >= 0 ? indexes[last]! : null,
        lastIndexAt: indexes && last >= 0 ? slotTime(last + 1) : null,
      });
      const { originalUnit, originalFactor } = plan;
      readings += await insertSeries(tx, {
        meterId: id,
        start: range.start,
        intervalMinutes,
        values: held,
        indexes,
        originalUnit,
        originalFactor,
      });
      if (last >= 0) touched.push({ meterId: id, from: slotTime(0), to: slotTime(last + 1) });
      if (indexes && last >= 0) lastIndex = indexes[last]!;
      created.push({ id, code: plan.code, values });
      timezones.set(plan.code, site.timezone);
    }
  }
  await refreshRollups(tx, touched);
  readings += await demoIngest(tx, seedActor, { range, meters: created, timezones }, lastIndex);
  return { meters: created.length, readings, ms: Math.round(performance.now() - started) };
}

/** Index of the last slot holding a value, or −1. */
function lastReadingSlot(values: Float64Array): number {
  for (let i = values.length - 1; i >= 0; i--) if (!Number.isNaN(values[i]!)) return i;
  return -1;
}

/** Counter index at the end of each slot, from a round starting index (kWh). */
function counterIndexes(values: Float64Array): Float64Array {
  let index = 3_418_250;
  return values.map((v) => {
    if (!Number.isNaN(v)) index = Math.round((index + v) * 1000) / 1000;
    return Number.isNaN(v) ? Number.NaN : index;
  });
}
