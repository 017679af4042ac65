import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { uuidArray } from "./sql-params";

export type MeterRef = { id: string; code: string };
export type ContractMeter = MeterRef & { contractId: string; intervalMinutes: number; timezone: string; country: string };

/**
 * The consumption meters (energy, kWh, electricity) of the contracts' delivery points, with
 * their site's zone and country — one statement for a chunk. Production meters are ignored.
 */
export async function loadContractMeters(tx: Executor, contractIds: string[]): Promise<Map<string, ContractMeter[]>> {
  const out = new Map<string, ContractMeter[]>();
  if (contractIds.length === 0) return out;
  const rows = rowsOf<{ contract_id: string; id: string; code: string; interval_minutes: number; timezone: string; country: string }>(
    await tx.execute(sql`
      select distinct cdp.contract_id, m.id, m.code, m.interval_minutes, s.timezone, s.country
      from contract_delivery_points cdp
      join delivery_point_meters dpm on dpm.delivery_point_id = cdp.delivery_point_id
      join meters m on m.id = dpm.meter_id
      join sites s on s.id = m.site_id
      where cdp.contract_id = any(${uuidArray(contractIds)})
        and m.kind = 'consumption' and m.quantity = 'energy' and m.unit = 'kWh' and m.carrier = 'electricity'
      order by cdp.contract_id, m.code`),
  );
  for (const r of rows) {
    const list = out.get(r.contract_id) ?? [];
    list.push({
      contractId: r.contract_id,
      id: r.id,
      code: r.code,
      intervalMinutes: Number(r.interval_minutes),
      timezone: r.timezone,
      country: r.country,
    });
    out.set(r.contract_id, list);
  }
  return out;
}

export type Pair = { k: number; m: string; f: string; t: string; tz: string; iv: number };
export type Sums = { s: number; n: number; expected: number };

/** Σ and count of the daily rollups of every pair on its local days [f, t) — one statement. */
export async function dailySums(tx: Executor, pairs: Pair[]): Promise<Map<string, Sums>> {
  const out = new Map<string, Sums>();
  if (pairs.length === 0) return out;
  const rows = rowsOf<{ k: number; m: string; s: number | string; n: number | string; expected: number | string }>(
    await tx.execute(sql`
      select x.k, x.m, coalesce(sum(d.sum), 0) as s, coalesce(sum(d.count), 0) as n,
             round(extract(epoch from (x.t::timestamp at time zone x.tz) - (x.f::timestamp at time zone x.tz)) / 60 / x.iv) as expected
      from json_to_recordset(${JSON.stringify(pairs)}::json) as x(k int, m uuid, f date, t date, tz text, iv int)
      left join readings_daily d on d.meter_id = x.m and d.day >= x.f and d.day < x.t
      group by x.k, x.m, x.f, x.t, x.tz, x.iv`),
  );
  for (const r of rows) out.set(`${r.k}|${r.m}`, { s: Number(r.s), n: Number(r.n), expected: Number(r.expected) });
  return out;
}

const day = 86_400_000;
export const minusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) - n * day).toISOString().slice(0, 10);
