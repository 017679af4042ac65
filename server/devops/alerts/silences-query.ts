import "server-only";
import { and, asc, desc, eq, gt, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { alertInstances, silences } from "@/db/schema";
import type { Matcher } from "@/lib/devops/alert-matchers";
import { matchesAll } from "@/lib/devops/alert-matchers";
import type { ListSilencesQuery, SilenceState } from "@/lib/devops/alert-silence-schema";
import { assertCan, type Actor } from "@/server/auth/actor";
import { notFound } from "@/server/platform/errors";
import { isUuid } from "@/server/platform/ids";
import { exactTime, olderThan, pageOf } from "@/server/platform/jobs/keyset";

export type SilenceDto = {
  id: string;
  matchers: Matcher[];
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
  expiredAt: string | null;
  createdAt: string;
  state: SilenceState;
  /** Live alert instances it silences now. */
  silencing: number;
};

/** The condition of each state at `now` (an expired silence: expired by hand, or past its end). */
export function silenceStateWhere(state: SilenceState, now: Date): SQL {
  switch (state) {
    case "active":
      return and(isNull(silences.expiredAt), lte(silences.startsAt, now), gt(silences.endsAt, now))!;
    case "pending":
      return and(isNull(silences.expiredAt), gt(silences.startsAt, now))!;
    case "expired":
      return or(sql`${silences.expiredAt} is not null`, lte(silences.endsAt, now))!;
  }
}

function stateOf(row: typeof silences.$inferSelect, now: Date): SilenceState {
  if (row.expiredAt || row.endsAt.getTime() <= now.getTime()) return "expired";
  return row.startsAt.getTime() > now.getTime() ? "pending" : "active";
}

function select(db: Executor) {
  return db
    .select({
      silence: silences,
      cursorAt: exactTime(silences.createdAt),
      silencing: sql<number>`(select count(*) from ${alertInstances} a where a.silenced_by = ${silences.id} and a.state <> 'resolved')::int`,
    })
    .from(silences);
}
type Row = Awaited<ReturnType<ReturnType<typeof select>["where"]>>[number];

function toDto({ silence: s, silencing }: Row, now: Date): SilenceDto {
  return {
    id: s.id,
    matchers: s.matchers as Matcher[],
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    createdBy: s.createdBy,
    comment: s.comment,
    expiredAt: s.expiredAt?.toISOString() ?? null,
    createdAt: s.createdAt.toISOString(),
    state: stateOf(s, now),
    silencing: Number(silencing),
  };
}

/** Silences, newest first by cursor, optionally one state (`monitoring.read`). */
export async function listSilences(
  db: Executor,
  actor: Actor,
  query: ListSilencesQuery,
  now: Date = new Date(),
): Promise<{ data: SilenceDto[]; next_cursor: string | null }> {
  assertCan(actor, "monitoring.read");
  const rows = await select(db)
    .where(and(query.state ? silenceStateWhere(query.state, now) : undefined, olderThan(query.cursor, silences.createdAt, silences.id)))
    .orderBy(desc(silences.createdAt), desc(silences.id))
    .limit(query.limit + 1);
  const { page, nextCursor } = pageOf(
    rows.map((r) => ({ ...r, id: r.silence.id })),
    query.limit,
  );
  return { data: page.map((r) => toDto(r, now)), next_cursor: nextCursor };
}

/** One silence (`monitoring.read`); unknown or malformed id → 404. */
export async function getSilence(db: Executor, actor: Actor, id: string, now: Date = new Date()): Promise<SilenceDto> {
  assertCan(actor, "monitoring.read");
  if (!isUuid(id)) throw notFound();
  const [row] = await select(db).where(eq(silences.id, id)).limit(1);
  if (!row) throw notFound();
  return toDto(row, now);
}

export type ActiveSilence = { id: string; matchers: Matcher[] };

/** Silences in force at `now`, the longest-running first (no permission: the evaluation's read). */
export async function activeSilences(tx: Executor, now: Date): Promise<ActiveSilence[]> {
  const rows = await tx
    .select({ id: silences.id, matchers: silences.matchers })
    .from(silences)
    .where(silenceStateWhere("active", now))
    .orderBy(desc(silences.endsAt), asc(silences.id));
  return rows.map((r) => ({ id: r.id, matchers: (Array.isArray(r.matchers) ? r.matchers : []) as Matcher[] }));
}

/** The first silence matching the labels, or null. */
export function silenceFor(active: readonly ActiveSilence[], labels: Readonly<Record<string, string>>): string | null {
  return active.find((s) => matchesAll(s.matchers, labels))?.id ?? null;
}
