import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { auditLog } from "@/db/schema";
import { actorLabel, type Actor } from "@/server/auth/actor";
import type { RequestContext } from "@/server/platform/request-context";
import { existingColumns, jsonParam, toExisting, type ExistingRow, type RawRow } from "./ingest-load";
import type { CorrectionNote, Recomputed, WriteRow } from "./ingest-plan";
import { readingsChannel } from "./after-ingest";
import type { ReadingSource } from "./types";

const flagsOf = sql.raw(`case when x.f is null then null else string_to_array(x.f, ',') end`);

/** Copies the current version of each corrected reading into reading_history (one statement). */
export async function archiveCorrected(tx: Executor, corrections: CorrectionNote[], replacedBy: string): Promise<void> {
  if (corrections.length === 0) return;
  const keys = corrections.map((c) => ({ m: c.meterId, t: c.ts }));
  await tx.execute(sql`insert into reading_history
      (meter_id, ts, value, index_value, original_value, original_unit, quality, source, version, received_at, replaced_by)
    select r.meter_id, r.ts, r.value, r.index_value, r.original_value, r.original_unit, r.quality, r.source, r.version, r.received_at, ${replacedBy}
    from json_to_recordset(${jsonParam(keys)}) as k(m uuid, t timestamptz)
    join readings r on r.meter_id = k.m and r.ts = k.t`);
}

/** Inserts new readings (cumulative meters) and overwrites corrected ones (version + 1), in one statement. */
export async function upsertReadings(tx: Executor, rows: WriteRow[], source: ReadingSource): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`insert into readings
      (meter_id, ts, value, index_value, original_value, original_unit, quality, flags, source, version)
    select x.m, x.t, x.v, x.iv, x.ov, x.ou, x.q, ${flagsOf}, ${source}, 1
    from json_to_recordset(${jsonParam(rows)}) as x(m uuid, t timestamptz, v float8, iv float8, ov float8, ou text, q text, f text)
    on conflict (meter_id, ts) do update set
      value = excluded.value, index_value = excluded.index_value, original_value = excluded.original_value,
      original_unit = excluded.original_unit, quality = excluded.quality, flags = excluded.flags,
      source = excluded.source, version = readings.version + 1, received_at = now()`);
}

/** What the insert of an interval batch found: the rows already stored at a sent key, and whether alert rules may care. */
export type InsertOutcome = { existing: ExistingRow[]; hasRules: boolean };

const isoUtc = (col: string) => `to_char((${col}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const addedAggregates = `sum(i.value), count(*)::int, min(i.value), max(i.value),
  (count(*) filter (where i.quality = 'estimated'))::int, (count(*) filter (where i.quality = 'corrected'))::int`;
const addToBucket = (t: string) => `sum = ${t}.sum + excluded.sum, count = ${t}.count + excluded.count,
  min = least(${t}.min, excluded.min), max = greatest(${t}.max, excluded.max),
  estimated = ${t}.estimated + excluded.estimated, corrected = ${t}.corrected + excluded.corrected`;

/**
 * The new readings of interval meters, in one statement (one round trip whatever the batch):
 * - inserts the rows whose (meter, ts) is free;
 * - adds exactly those rows to their hourly (UTC) and daily (the site's local day) rollups —
 *   a new reading only ever adds to its buckets, so no bucket is read back from the raw
 *   readings (corrections and cumulative meters go through refreshRollups instead);
 * - moves each meter's last reading time forward and signals the live view (NOTIFY, heard
 *   after the commit) with the span written;
 * - answers the rows that already stood at the other keys (the final SELECT sees the
 *   snapshot taken before the insert; the meters are locked, so no concurrent ingest adds
 *   rows in between; only the keys the insert skipped are probed) and whether an enabled
 *   threshold rule concerns one of the batch's meters.
 * Callers hold the meters' row locks (loadMeters), which also serialise these additions with
 * any recomputation of the same buckets (refreshRollups takes the same locks).
 */
export async function insertNew(tx: Executor, rows: WriteRow[], source: ReadingSource): Promise<InsertOutcome> {
  if (rows.length === 0) return { existing: [], hasRules: false };
  const result = await tx.execute(sql`with x as materialized (
      select * from json_to_recordset(${jsonParam(rows)}) as x(m uuid, t timestamptz, v float8, iv float8, ov float8, ou text, q text, f text)
    ),
    ins as (
      insert into readings (meter_id, ts, value, index_value, original_value, original_unit, quality, flags, source, version)
      select x.m, x.t, x.v, x.iv, x.ov, x.ou, x.q, ${flagsOf}, ${source}, 1 from x
      on conflict (meter_id, ts) do nothing
      returning meter_id, ts, value, quality
    ),
    per_meter as materialized (
      select i.meter_id, min(i.ts) as f, max(i.ts) as l, m.site_id, m.interval_minutes, st.timezone
      from ins i join meters m on m.id = i.meter_id join sites st on st.id = m.site_id
      group by i.meter_id, m.site_id, m.interval_minutes, st.timezone
    ),
    hour_add as (
      insert into readings_hourly as h (meter_id, bucket, sum, count, min, max, estimated, corrected)
      select i.meter_id, date_trunc('hour', i.ts, 'UTC'), ${sql.raw(addedAggregates)}
      from ins i group by 1, 2
      on conflict (meter_id, bucket) do update set ${sql.raw(addToBucket("h"))}
      returning 1
    ),
    day_add as (
      insert into readings_daily as d (meter_id, day, sum, count, min, max, estimated, corrected)
      select i.meter_id, (i.ts at time zone pm.timezone)::date, ${sql.raw(addedAggregates)}
      from ins i join per_meter pm on pm.meter_id = i.meter_id group by 1, 2
      on conflict (meter_id, day) do update set ${sql.raw(addToBucket("d"))}
      returning 1
    ),
    advanced as (
      update meters m set last_reading_at = greatest(m.last_reading_at, pm.l)
      from per_meter pm where m.id = pm.meter_id
      returning 1
    ),
    signalled as (
      select pg_notify(${readingsChannel}, json_build_object('meterId', pm.meter_id, 'siteId', pm.site_id,
        'from', ${sql.raw(isoUtc("pm.f"))}, 'to', ${sql.raw(isoUtc("pm.l + make_interval(mins => pm.interval_minutes)"))})::text)
      from per_meter pm
    ),
    taken as (
      select ${existingColumns}
      from (select * from x where not exists (select 1 from ins where ins.meter_id = x.m and ins.ts = x.t)) as k
      join readings r on r.meter_id = k.m and r.ts = k.t
    )
    select (select coalesce(json_agg(taken), '[]'::json) from taken) as existing,
      (select count(*) from hour_add) + (select count(*) from day_add) + (select count(*) from advanced)
        + (select count(*) from signalled) as written,
      exists (select 1 from alert_rules ar
        where ar.enabled and (ar.meter_id in (select distinct x.m from x)
          or (ar.site_id, ar.kind) in (select m.site_id, m.kind from meters m where m.id in (select distinct x.m from x)))) as has_rules`);
  const [row] = rowsOf<{ existing: RawRow[] | string; has_rules: boolean }>(result);
  const existing = typeof row?.existing === "string" ? (JSON.parse(row.existing) as RawRow[]) : (row?.existing ?? []);
  return { existing: existing.map(toExisting), hasRules: row?.has_rules === true };
}

/** Stores the recomputed deltas and flags of neighbouring cumulative readings (derived values: no new version). */
export async function updateRecomputed(tx: Executor, rows: Recomputed[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`update readings r set value = x.v, flags = ${flagsOf}
    from json_to_recordset(${jsonParam(rows)}) as x(m uuid, t timestamptz, v float8, f text)
    where r.meter_id = x.m and r.ts = x.t`);
}

/** One audit row per corrected reading (`reading.corrected`, entity `<meterId>@<ts>`), in chunks. */
export async function auditCorrections(tx: Executor, actor: Actor, corrections: CorrectionNote[], ctx: RequestContext): Promise<void> {
  const actorType = actor.kind === "partner" ? actor.credential : actor.kind;
  const rows = corrections.map((c) => ({
    actorType,
    actorId: actor.id,
    actorLabel: actorLabel(actor),
    action: "reading.corrected",
    entityType: "reading",
    entityId: `${c.meterId}@${c.ts}`,
    changes: {
      value: { old: c.old.value, new: c.new.value },
      ...(c.old.indexValue !== null || c.new.indexValue !== null ? { indexValue: { old: c.old.indexValue, new: c.new.indexValue } } : {}),
      quality: { old: c.old.quality, new: c.new.quality },
      version: { old: c.old.version, new: c.new.version },
    },
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    requestId: ctx.requestId,
  }));
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(auditLog).values(rows.slice(i, i + 1000));
}

export type MeterProgress = { m: string; last: string; idx: number | null; ia: string | null };

/** Moves each meter's last reading time forward, and a cumulative meter's last index when newer. */
export async function advanceMeters(tx: Executor, progress: MeterProgress[]): Promise<void> {
  if (progress.length === 0) return;
  await tx.execute(sql`update meters m set
      last_reading_at = greatest(m.last_reading_at, x.last),
      last_index = case when x.ia is not null and (m.last_index_at is null or x.ia >= m.last_index_at) then x.idx else m.last_index end,
      last_index_at = case when x.ia is not null and (m.last_index_at is null or x.ia >= m.last_index_at) then x.ia else m.last_index_at end
    from json_to_recordset(${jsonParam(progress)}) as x(m uuid, last timestamptz, idx float8, ia timestamptz)
    where m.id = x.m`);
}
