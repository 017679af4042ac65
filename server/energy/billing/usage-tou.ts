import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { touRuleTable } from "@/lib/billing/engine-tou";
import type { EnergyPricing } from "@/lib/billing/types";

type TouPricing = Extract<EnergyPricing, { kind: "tou" }>;

/**
 * A time-of-use calendar as SQL joins it: every (ISO weekday `d`, month `mo`, local hour `h`)
 * has one class `c`; a class is a split of the hour over periods (`p`, share `wt`, Σ = 1).
 */
export type TouCalendar = { slots: { d: number; mo: number; h: number; c: number }[]; classes: { c: number; p: string; wt: number }[] };

const cache = new Map<string, TouCalendar>();

/**
 * The calendar of a tariff: for every (weekday, month, local hour), which periods its 60
 * minutes belong to (the rule table's first matching row wins, as in the engine; else the
 * default period). A rule boundary inside an hour (22:30) splits that hour's energy by
 * minutes. Hours with the same split share a class (a handful per tariff). Cached per definition.
 */
export function touCalendar(energy: TouPricing): TouCalendar {
  const key = JSON.stringify([energy.rules, energy.defaultPeriod]);
  const known = cache.get(key);
  if (known) return known;
  const table = touRuleTable(energy);
  const calendar: TouCalendar = { slots: [], classes: [] };
  const classOf = new Map<string, number>();
  for (let d = 1; d <= 7; d++) {
    for (let mo = 1; mo <= 12; mo++) {
      const rows = table.filter((r) => r.isoDow === d && r.months.includes(mo));
      for (let h = 0; h < 24; h++) {
        const minutes = new Map<string, number>();
        for (let m = h * 60; m < h * 60 + 60; m++) {
          const p = rows.find((r) => r.fromMinute <= m && m < r.toMinute)?.period ?? energy.defaultPeriod;
          minutes.set(p, (minutes.get(p) ?? 0) + 1);
        }
        const split = [...minutes].sort(([a], [b]) => (a < b ? -1 : 1));
        const signature = JSON.stringify(split);
        let c = classOf.get(signature);
        if (c === undefined) {
          c = classOf.size;
          classOf.set(signature, c);
          for (const [p, n] of split) calendar.classes.push({ c, p, wt: n / 60 });
        }
        calendar.slots.push({ d, mo, h, c });
      }
    }
  }
  if (cache.size > 200) cache.clear();
  cache.set(key, calendar);
  return calendar;
}

/** A (segment, meter) pair to classify: the segment key `k`, local dates [f, t) in zone `tz`, calendar `v`. */
export type TouPair = { k: number; m: string; f: string; t: string; tz: string; v: number };

/**
 * One statement for a whole chunk. Per zone and calendar, the class of every UTC hour of the
 * chunk's span is computed once (`bucket at time zone tz` → weekday, month, local hour) into an
 * array; each hourly rollup row then only looks its class up by position (no time zone
 * arithmetic per row), the energy is summed per (segment, class) and split by the classes'
 * shares. Returns the measured energy (kWh, float) per segment key and period.
 */
export async function touShares(tx: Executor, pairs: TouPair[], calendars: TouCalendar[]): Promise<Map<number, Map<string, number>>> {
  const out = new Map<number, Map<string, number>>();
  if (pairs.length === 0) return out;
  const slots = calendars.flatMap((cal, v) => cal.slots.map((s) => ({ v, ...s })));
  const classes = calendars.flatMap((cal, v) => cal.classes.map((c) => ({ v, ...c })));
  const rows = rowsOf<{ k: number; p: string; e: number | string }>(
    await tx.execute(sql`
      with x as materialized (
        select x.*, (x.f::timestamp at time zone x.tz) as lo, (x.t::timestamp at time zone x.tz) as hi
        from json_to_recordset(${JSON.stringify(pairs)}::json) as x(k int, m uuid, f date, t date, tz text, v int)),
      w as (select * from json_to_recordset(${JSON.stringify(slots)}::json) as w(v int, d int, mo int, h int, c int)),
      cw as (select * from json_to_recordset(${JSON.stringify(classes)}::json) as cw(v int, c int, p text, wt float8)),
      zones as (select tz, v, date_trunc('hour', min(lo), 'UTC') as base, max(hi) as hi from x group by tz, v),
      hours as materialized (
        select z.tz, z.v, z.base, array_agg(w.c order by g.n) as cls
        from zones z
        cross join lateral generate_series(0, ceil(date_part('epoch', z.hi - z.base) / 3600)::int - 1) as g(n)
        cross join lateral (select (z.base + g.n * interval '1 hour') at time zone z.tz as at) as l
        join w on w.v = z.v and w.d = extract(isodow from l.at)::int and w.mo = extract(month from l.at)::int
          and w.h = extract(hour from l.at)::int
        group by z.tz, z.v, z.base),
      agg as (
        select x.k, x.v, s.cls[(date_part('epoch', r.bucket - s.base) / 3600)::int + 1] as c, sum(r.sum) as e
        from x
        join hours s on s.tz = x.tz and s.v = x.v
        join readings_hourly r on r.meter_id = x.m and r.bucket >= x.lo and r.bucket < x.hi
        group by 1, 2, 3)
      select agg.k, cw.p, sum(agg.e * cw.wt) as e
      from agg join cw on cw.v = agg.v and cw.c = agg.c
      group by agg.k, cw.p`),
  );
  for (const r of rows) {
    const k = Number(r.k);
    const map = out.get(k) ?? new Map<string, number>();
    map.set(r.p, Math.max(0, Number(r.e)));
    out.set(k, map);
  }
  return out;
}

/**
 * Splits `totalMilli` over the periods in proportion to `shares` (largest remainder, ties by
 * code), so the parts are integers summing exactly to the total. No share → everything to the
 * default period (an empty split: the engine puts unsplit energy there).
 */
export function splitMilli(totalMilli: number, shares: Map<string, number> | undefined): Record<string, number> {
  const entries = [...(shares ?? new Map<string, number>())].filter(([, e]) => e > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const sum = entries.reduce((s, [, e]) => s + e, 0);
  if (totalMilli <= 0 || sum <= 0) return {};
  const parts = entries.map(([p, e]) => {
    const exact = (totalMilli * e) / sum;
    return { p, base: Math.floor(exact), frac: exact - Math.floor(exact) };
  });
  let rest = totalMilli - parts.reduce((s, x) => s + x.base, 0);
  for (const x of [...parts].sort((a, b) => b.frac - a.frac)) {
    if (rest <= 0) break;
    x.base += 1;
    rest -= 1;
  }
  return Object.fromEntries(parts.map((x) => [x.p, x.base]));
}
