import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { auditLog } from "@/db/schema";
import { actorLabel, type Actor } from "@/server/auth/actor";
import type { RequestContext } from "@/server/platform/request-context";
import { existingColumns, jsonParam, toExisting, type ExistingRow, type RawRow } from "./ingest-load";
import type { CorrectionNote, Recomputed, WriteRow } from "./ingest-plan";
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

/**
 * Inserts the rows whose (meter, ts) is free and answers the rows that already stood at the
 * other keys, in one statement (the final SELECT sees the snapshot taken before the insert;
 * the meters are locked, so no concurrent ingest adds rows in between). Only the rows the
 * insert skipped are looked up (a hash anti-join against what it returned): in the common
 * case — all new — no index probe at all.
 */
export async function insertNew(tx: Executor, rows: WriteRow[], source: ReadingSource): Promise<ExistingRow[]> {
  if (rows.length === 0) return [];
  const result = await tx.execute(sql`with x as materialized (
      select * from json_to_recordset(${jsonParam(rows)}) as x(m uuid, t timestamptz, v float8, iv float8, ov float8, ou text, q text, f text)
    ),
    ins as (
      insert into readings (meter_id, ts, value, index_value, original_value, original_unit, quality, flags, source, version)
      select x.m, x.t, x.v, x.iv, x.ov, x.ou, x.q, ${flagsOf}, ${source}, 1 from x
      on conflict (meter_id, ts) do nothing
      returning meter_id, ts
    )
    select ${existingColumns}
    from (select * from x where not exists (select 1 from ins where ins.meter_id = x.m and ins.ts = x.t)) as taken
    join readings r on r.meter_id = taken.m and r.ts = taken.t`);
  return rowsOf<RawRow>(result).map(toExisting);
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
