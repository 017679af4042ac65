import "server-only";
import { isUuid } from "@/server/platform/ids";
import { desc, eq } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { billingRuns } from "@/db/schema";
import { billingCycles, type BillingCycle } from "@/lib/billing/periods";
import { assertCan, type Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/platform/audit";
import { enqueue } from "@/server/platform/jobs/enqueue";
import { exactTime, olderThan, pageOf } from "@/server/platform/jobs/keyset";
import { DomainError, notFound } from "@/server/platform/errors";
import { processBillingRun, cyclesOf, type BillingRunSelection } from "./billing-run-process";
import { assertPeriod } from "./build-invoice";
import type { BillingFailure } from "./build-load";

export const billingRunJobKind = "billing.run";

export type StartBillingRunInput = { periodStart: string; periodEnd: string } & BillingRunSelection;

export type BillingRunStatus = "queued" | "running" | "done" | "failed";
export type BillingRunDto = {
  id: string;
  periodStart: string;
  /** Exclusive. */
  periodEnd: string;
  selection: BillingRunSelection;
  status: BillingRunStatus;
  total: number;
  processed: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  /** The first 1 000 failures: `{ contractId, code, detail }`, code a key of `billing.errors`. */
  errors: BillingFailure[];
  startedBy: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
};

type RunRow = typeof billingRuns.$inferSelect;
const toDto = (r: RunRow): BillingRunDto => ({
  id: r.id,
  periodStart: r.periodStart,
  periodEnd: r.periodEnd,
  selection: (r.selection ?? {}) as BillingRunSelection,
  status: r.status as BillingRunStatus,
  total: r.total,
  processed: r.processed,
  created: r.created,
  updated: r.updated,
  skipped: r.skipped,
  failed: r.failed,
  errors: (r.errors ?? []) as BillingFailure[],
  startedBy: r.startedBy,
  startedAt: r.startedAt?.toISOString() ?? null,
  finishedAt: r.finishedAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});

/** Checks the period and the selection; a period that is no billing cycle needs a cycle or contracts. */
function validated(input: StartBillingRunInput): BillingRunSelection {
  assertPeriod(input.periodStart, input.periodEnd);
  const ids = input.contractIds ? [...new Set(input.contractIds)] : undefined;
  if (ids && (ids.length > 100_000 || ids.some((id) => !isUuid(id)))) throw new DomainError("validation_failed", "invalid", "contractIds");
  if (input.clientId && !isUuid(input.clientId)) throw new DomainError("validation_failed", "invalid", "clientId");
  if (input.tariffId && !isUuid(input.tariffId)) throw new DomainError("validation_failed", "invalid", "tariffId");
  if (input.cycle && !(billingCycles as readonly string[]).includes(input.cycle))
    throw new DomainError("validation_failed", "invalid", "cycle");
  if (!ids?.length && cyclesOf(input.periodStart, input.periodEnd, input.cycle).length === 0) {
    throw new DomainError("validation_failed", "billingPeriodNoCycle", "periodEnd");
  }
  const selection: BillingRunSelection = {};
  if (ids?.length) selection.contractIds = ids;
  if (input.clientId) selection.clientId = input.clientId;
  if (input.tariffId) selection.tariffId = input.tariffId;
  if (input.cycle) selection.cycle = input.cycle as BillingCycle;
  return selection;
}

async function insertRun(tx: Executor, actor: Actor, input: StartBillingRunInput, status: "queued" | "running"): Promise<string> {
  const selection = validated(input);
  const [row] = await tx
    .insert(billingRuns)
    .values({
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      selection,
      status,
      startedBy: actor.kind === "user" ? actor.id : null,
    })
    .returning({ id: billingRuns.id });
  await recordAudit(tx, {
    actor,
    action: "billing.run.started",
    entityType: "billing_run",
    entityId: row!.id,
    changes: { period: { old: null, new: { start: input.periodStart, end: input.periodEnd } }, selection: { old: null, new: selection } },
  });
  return row!.id;
}

/**
 * Starts a billing run in the background (`invoices.write`): the run row (queued) and its
 * `billing.run` job commit with the caller's transaction; the job then builds the drafts
 * chunk by chunk with progress on the row. Audited `billing.run.started`. A period that is no
 * billing cycle without an explicit cycle or contracts → 422 `billingPeriodNoCycle`.
 */
export async function startBillingRun(tx: Executor, actor: Actor, input: StartBillingRunInput): Promise<{ id: string }> {
  assertCan(actor, "invoices.write");
  const id = await insertRun(tx, actor, input, "queued");
  await enqueue(tx, { kind: billingRunJobKind, payload: { runId: id }, maxAttempts: 3 });
  return { id };
}

/**
 * The same run, synchronously, without the queue (seed, bench, tests): same chunks, same
 * progress on the row. `db` is the database handle (each chunk commits on its own).
 */
export async function runBillingNow(db: Db, actor: Actor, input: StartBillingRunInput): Promise<BillingRunDto> {
  assertCan(actor, "invoices.write");
  const id = await db.transaction((tx) => insertRun(tx, actor, input, "running"));
  await processBillingRun(db, id, actor);
  const [row] = await db.select().from(billingRuns).where(eq(billingRuns.id, id));
  return toDto(row!);
}

/** One run with its progress (`invoices.read`); unknown → 404. */
export async function getBillingRun(db: Executor, actor: Actor, id: string): Promise<BillingRunDto> {
  assertCan(actor, "invoices.read");
  if (!isUuid(id)) throw notFound();
  const [row] = await db.select().from(billingRuns).where(eq(billingRuns.id, id));
  if (!row) throw notFound();
  return toDto(row);
}

/** Runs newest first, cursor-paginated (`invoices.read`). */
export async function listBillingRuns(
  db: Executor,
  actor: Actor,
  query: { cursor?: string; limit: number },
): Promise<{ data: BillingRunDto[]; next_cursor: string | null }> {
  assertCan(actor, "invoices.read");
  const limit = Math.min(Math.max(1, Math.floor(query.limit) || 50), 200);
  const rows = await db
    .select({ row: billingRuns, cursorAt: exactTime(billingRuns.createdAt) })
    .from(billingRuns)
    .where(olderThan(query.cursor, billingRuns.createdAt, billingRuns.id))
    .orderBy(desc(billingRuns.createdAt), desc(billingRuns.id))
    .limit(limit + 1);
  const { page, nextCursor } = pageOf(
    rows.map((r) => ({ ...r, id: r.row.id })),
    limit,
  );
  return { data: page.map((r) => toDto(r.row)), next_cursor: nextCursor };
}
