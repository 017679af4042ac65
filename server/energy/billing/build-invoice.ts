import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { daysBetween, isDateString } from "@/lib/billing/periods";
import { assertCan, type Actor } from "@/server/auth/actor";
import { currentFactors } from "@/server/energy/environment/factors-query";
import { recordAudit } from "@/server/platform/audit";
import { DomainError, notFound } from "@/server/platform/errors";
import { computeDraft } from "./build-compute";
import { loadContracts, lockExisting, planContract, type BillingFailure, type ContractPlan, type ExistingInvoice } from "./build-load";
import { writeDrafts, type DraftToWrite } from "./build-write";
import { regularisationLines } from "./regularisation";
import { loadVersions, splitByVersions, type SegmentPlan } from "./segments";
import { loadContractMeters, loadUsage } from "./usage";

export type BuildOutcome = "created" | "updated" | "skipped" | "failed";
export type ChunkResult = {
  created: number;
  updated: number;
  skipped: number;
  failed: BillingFailure[];
  /** Per contract: the invoice written or found (skipped), null when failed. */
  outcomes: { contractId: string; invoiceId: string | null; outcome: BuildOutcome }[];
};

/** A valid billed period: real dates, start < end, at most 366 days. */
export function assertPeriod(periodStart: string, periodEnd: string): void {
  const ok = isDateString(periodStart) && isDateString(periodEnd) && periodStart < periodEnd && daysBetween(periodStart, periodEnd) <= 366;
  if (!ok) throw new DomainError("validation_failed", "billingPeriodInvalid", "periodEnd");
}

type Build = Extract<ContractPlan, { kind: "build" }>;

/**
 * The chunk pipeline, a constant number of set-based statements whatever the number of
 * contracts (≈ 1 000 per chunk): contracts, their live invoices (locked), tariff versions,
 * meters, usage, regularisations, emission factors, then the writes. No permission check here.
 */
export async function buildChunk(
  tx: Executor,
  input: { periodStart: string; periodEnd: string; contractIds: string[]; billingRunId?: string | null },
): Promise<ChunkResult> {
  const { periodStart, periodEnd } = input;
  const ids = [...new Set(input.contractIds)];
  const result: ChunkResult = { created: 0, updated: 0, skipped: 0, failed: [], outcomes: [] };
  const fail = (f: BillingFailure) => {
    result.failed.push(f);
    result.outcomes.push({ contractId: f.contractId, invoiceId: null, outcome: "failed" });
  };
  const contracts = await loadContracts(tx, ids);
  const known = new Set(contracts.map((c) => c.id));
  for (const id of ids) if (!known.has(id)) fail({ contractId: id, code: "contract_not_found", detail: "no such contract" });
  const existing = await lockExisting(tx, [...known], periodStart, periodEnd);

  const builds: (Build & { segments: SegmentPlan[] })[] = [];
  const existingOf = new Map<string, ExistingInvoice[]>();
  for (const e of existing) existingOf.set(e.contractId, [...(existingOf.get(e.contractId) ?? []), e]);
  const planned = contracts.map((c) => planContract(c, periodStart, periodEnd, existingOf.get(c.id) ?? []));
  const versions = await loadVersions(
    tx,
    planned.flatMap((p) => (p.kind === "build" ? [p.contract.tariffId] : [])),
    periodStart,
    periodEnd,
  );
  for (const p of planned) {
    if (p.kind === "fail") fail(p.failure);
    else if (p.kind === "skip") {
      result.skipped += 1;
      result.outcomes.push({ contractId: p.contract.id, invoiceId: p.invoice.id, outcome: "skipped" });
    } else {
      const split = splitByVersions(p.from, p.to, versions.get(p.contract.tariffId) ?? []);
      if (split.ok) builds.push({ ...p, segments: split.segments });
      else fail({ contractId: p.contract.id, code: split.code, detail: split.detail });
    }
  }
  if (builds.length === 0) return result;

  const meters = await loadContractMeters(
    tx,
    builds.map((b) => b.contract.id),
  );
  // The database clock: corrections are compared with it (reading_history.replaced_at).
  const now = rowsOf<{ now: string }>(
    await tx.execute(sql`select to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as now`),
  )[0]!.now;
  const usage = await loadUsage(
    tx,
    builds.map((b) => ({ key: b.contract.id, contractId: b.contract.id, segments: b.segments })),
    meters,
  );
  const extras = await regularisationLines(
    tx,
    builds.map((b) => ({ contractId: b.contract.id, periodStart: b.from })),
    meters,
    now,
  );
  const factors = await currentFactors(tx);

  const drafts: DraftToWrite[] = [];
  for (const b of builds) {
    const u = usage.get(b.contract.id);
    if (!u || "error" in u) {
      fail({ contractId: b.contract.id, code: "no_meter", detail: "no consumption meter on the contract's delivery points" });
      continue;
    }
    const draft = computeDraft(
      { id: b.draft?.id ?? randomUUID(), isNew: !b.draft, contract: b.contract, from: b.from, to: b.to },
      u,
      extras.get(b.contract.id) ?? [],
      factors,
    );
    if ("code" in draft) fail(draft);
    else drafts.push(draft);
  }
  const written = await writeDrafts(tx, drafts, input.billingRunId ?? null);
  for (const d of drafts) {
    const outcome: BuildOutcome = written.inserted.has(d.id) ? "created" : written.updated.has(d.id) ? "updated" : "skipped";
    result[outcome] += 1;
    result.outcomes.push({ contractId: d.contractId, invoiceId: outcome === "skipped" ? null : d.id, outcome });
  }
  return result;
}

/**
 * Builds (or rebuilds) the drafts of a chunk of contracts for [periodStart, periodEnd)
 * (`invoices.write`): a draft per contract, an existing draft replaced, an issued invoice left
 * alone (skipped). Audited once for the chunk as `billing.run.chunk` with the counts.
 */
export async function buildInvoiceDrafts(
  tx: Executor,
  actor: Actor,
  input: { periodStart: string; periodEnd: string; contractIds: string[]; billingRunId?: string },
): Promise<ChunkResult> {
  assertCan(actor, "invoices.write");
  assertPeriod(input.periodStart, input.periodEnd);
  const result = await buildChunk(tx, input);
  const { created, updated, skipped, failed } = result;
  await recordAudit(tx, {
    actor,
    action: "billing.run.chunk",
    entityType: "billing_run",
    entityId: input.billingRunId ?? null,
    changes: {
      period: { old: null, new: { start: input.periodStart, end: input.periodEnd } },
      counts: { old: null, new: { contracts: input.contractIds.length, created, updated, skipped, failed: failed.length } },
    },
  });
  return result;
}

/**
 * One contract's draft for a period (`invoices.write`), e.g. from the invoices page: audited
 * `invoice.drafted` when written. Returns the invoice (the existing one when skipped) and the
 * outcome; a contract that cannot be billed answers `failed` with the reason's code.
 */
export async function buildInvoiceDraft(
  tx: Executor,
  actor: Actor,
  input: { contractId: string; periodStart: string; periodEnd: string },
): Promise<{ invoiceId: string | null; outcome: BuildOutcome; code?: string; detail?: string }> {
  assertCan(actor, "invoices.write");
  assertPeriod(input.periodStart, input.periodEnd);
  if (!/^[0-9a-f-]{36}$/i.test(input.contractId)) throw notFound();
  const result = await buildChunk(tx, { ...input, contractIds: [input.contractId] });
  const first = result.outcomes[0];
  const failure = result.failed[0];
  if (failure?.code === "contract_not_found") throw notFound();
  if (!first || first.outcome === "failed") return { invoiceId: null, outcome: "failed", code: failure?.code, detail: failure?.detail };
  if (first.outcome === "created" || first.outcome === "updated") {
    await recordAudit(tx, {
      actor,
      action: "invoice.drafted",
      entityType: "invoice",
      entityId: first.invoiceId,
      changes: {
        outcome: { old: null, new: first.outcome },
        contractId: { old: null, new: input.contractId },
        period: { old: null, new: { start: input.periodStart, end: input.periodEnd } },
      },
    });
  }
  return { invoiceId: first.invoiceId, outcome: first.outcome };
}
