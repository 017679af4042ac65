import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { rowsOf, type Db, type Executor } from "@/db/client";
import { billingRuns } from "@/db/schema";
import { billingCycles, isCyclePeriod, type BillingCycle } from "@/lib/billing/periods";
import type { Actor } from "@/server/auth/actor";
import { buildInvoiceDrafts } from "./build-invoice";
import type { BillingFailure } from "./build-load";

/** What a run bills, as stored in billing_runs.selection. */
export type BillingRunSelection = { contractIds?: string[]; clientId?: string; tariffId?: string; cycle?: BillingCycle };

/** Contracts per chunk: each chunk is one transaction of a constant number of statements. */
export const chunkSize = 1000;
/** Errors kept on the run row (the counts stay exact beyond). */
const maxStoredErrors = 1000;

/** The billing cycles a period selects: the given one, else those the period is exactly one period of. */
export function cyclesOf(periodStart: string, periodEnd: string, cycle?: BillingCycle): BillingCycle[] {
  if (cycle) return [cycle];
  return billingCycles.filter((c) => isCyclePeriod(c, { start: periodStart, end: periodEnd }));
}

/**
 * The contracts of a run, ordered by id — one statement. Explicit `contractIds` are taken as
 * given (each is then checked by the chunk); otherwise the contracts in force over the period
 * (not drafts) whose billing cycle the period matches, filtered by client and tariff.
 */
export async function selectContractIds(
  db: Executor,
  periodStart: string,
  periodEnd: string,
  selection: BillingRunSelection,
): Promise<string[]> {
  if (selection.contractIds && selection.contractIds.length > 0) return [...new Set(selection.contractIds)].sort();
  const cycles = cyclesOf(periodStart, periodEnd, selection.cycle);
  if (cycles.length === 0) return [];
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      select c.id from contracts c
      where c.status in ('active', 'suspended', 'terminated')
        and c.start_date < ${periodEnd}::date and (c.end_date is null or c.end_date > ${periodStart}::date)
        and c.billing_cycle in (select json_array_elements_text(${JSON.stringify(cycles)}::json))
        ${selection.clientId ? sql`and c.client_id = ${selection.clientId}::uuid` : sql``}
        ${selection.tariffId ? sql`and c.tariff_id = ${selection.tariffId}::uuid` : sql``}
      order by c.id`),
  );
  return rows.map((r) => r.id);
}

async function recordChunk(
  tx: Executor,
  runId: string,
  counts: { processed: number; created: number; updated: number; skipped: number; failed: BillingFailure[] },
) {
  await tx.execute(sql`
    update billing_runs set processed = processed + ${counts.processed}, created = created + ${counts.created},
      updated = updated + ${counts.updated}, skipped = skipped + ${counts.skipped}, failed = failed + ${counts.failed.length},
      errors = case when jsonb_array_length(errors) >= ${maxStoredErrors} then errors
                    else errors || ${JSON.stringify(counts.failed.slice(0, maxStoredErrors))}::jsonb end
    where id = ${runId}`);
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 500);

/**
 * Runs a billing run: status `running`, counters reset (a retried job starts over — drafts are
 * rebuilt, issued invoices skipped, so nothing is duplicated), `total` set, then chunks of 1 000
 * contracts, each in its own transaction with its progress (processed, created, updated,
 * skipped, failed, errors) committed with it. A chunk that throws is rolled back and its
 * contracts counted as failed (`internal`); the run goes on. Ends `done` (or `failed` when
 * every contract failed), with `finishedAt`. Aborting (`signal`) stops between chunks.
 */
export async function processBillingRun(db: Db, runId: string, actor: Actor, signal?: AbortSignal): Promise<void> {
  const [run] = await db.select().from(billingRuns).where(eq(billingRuns.id, runId));
  if (!run || run.status === "done") return;
  const selection = (run.selection ?? {}) as BillingRunSelection;
  try {
    const ids = await selectContractIds(db, run.periodStart, run.periodEnd, selection);
    await db
      .update(billingRuns)
      .set({
        status: "running",
        startedAt: sql`coalesce(${billingRuns.startedAt}, now())`,
        total: ids.length,
        processed: 0,
        created: 0,
        updated: 0,
        skipped: 0,
        failed: 0,
        errors: [],
        finishedAt: null,
      })
      .where(eq(billingRuns.id, runId));
    let failed = 0;
    for (let i = 0; i < ids.length; i += chunkSize) {
      signal?.throwIfAborted();
      const chunk = ids.slice(i, i + chunkSize);
      try {
        await db.transaction(async (tx) => {
          const r = await buildInvoiceDrafts(tx, actor, {
            periodStart: run.periodStart,
            periodEnd: run.periodEnd,
            contractIds: chunk,
            billingRunId: runId,
          });
          failed += r.failed.length;
          await recordChunk(tx, runId, {
            processed: chunk.length,
            created: r.created,
            updated: r.updated,
            skipped: r.skipped,
            failed: r.failed,
          });
        });
      } catch (error) {
        console.error(`[billing] run ${runId}: chunk ${i / chunkSize + 1} failed:`, error);
        const detail = messageOf(error);
        failed += chunk.length;
        await recordChunk(db, runId, {
          processed: chunk.length,
          created: 0,
          updated: 0,
          skipped: 0,
          failed: chunk.map((contractId) => ({ contractId, code: "internal", detail })),
        });
      }
    }
    const status = ids.length > 0 && failed === ids.length ? "failed" : "done";
    await db
      .update(billingRuns)
      .set({ status, finishedAt: sql`now()` })
      .where(and(eq(billingRuns.id, runId)));
  } catch (error) {
    if (signal?.aborted) throw error; // the job runner retries later; the run stays `running`
    await db
      .update(billingRuns)
      .set({ status: "failed", finishedAt: sql`now()` })
      .where(eq(billingRuns.id, runId));
    throw error;
  }
}
