import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { uuidArray } from "./sql-params";

/** A contract as the run needs it, with its client's language. */
export type ChunkContract = {
  id: string;
  clientId: string;
  tariffId: string;
  startDate: string;
  endDate: string | null;
  status: string;
  locale: string;
};

/** A live invoice (not cancelled) of a contract overlapping the period being built. */
export type ExistingInvoice = { id: string; contractId: string; status: string; periodStart: string; periodEnd: string };

export type BillingFailure = { contractId: string; code: string; detail: string };

/** The chunk's contracts — one statement. */
export async function loadContracts(tx: Executor, ids: string[]): Promise<ChunkContract[]> {
  if (ids.length === 0) return [];
  const rows = rowsOf<{
    id: string;
    client_id: string;
    tariff_id: string;
    start_date: string;
    end_date: string | null;
    status: string;
    locale: string;
  }>(
    await tx.execute(sql`
      select c.id, c.client_id, c.tariff_id, c.start_date::text as start_date, c.end_date::text as end_date, c.status, cl.locale
      from contracts c join clients cl on cl.id = c.client_id
      where c.id = any(${uuidArray(ids)})`),
  );
  return rows.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    tariffId: r.tariff_id,
    startDate: r.start_date,
    endDate: r.end_date,
    status: r.status,
    locale: r.locale,
  }));
}

/**
 * The live invoices of the contracts overlapping [from, to), locked (`for update`) so a
 * concurrent run or an issue waits: a draft is rebuilt by one transaction at a time.
 */
export async function lockExisting(tx: Executor, ids: string[], from: string, to: string): Promise<ExistingInvoice[]> {
  if (ids.length === 0) return [];
  const rows = rowsOf<{ id: string; contract_id: string; status: string; ps: string; pe: string }>(
    await tx.execute(sql`
      select i.id, i.contract_id, i.status, i.period_start::text as ps, i.period_end::text as pe
      from invoices i
      where i.contract_id = any(${uuidArray(ids)}) and i.kind = 'invoice' and i.status <> 'cancelled'
        and i.period_start < ${to}::date and i.period_end > ${from}::date
      order by i.id
      for update`),
  );
  return rows.map((r) => ({ id: r.id, contractId: r.contract_id, status: r.status, periodStart: r.ps, periodEnd: r.pe }));
}

/** Billable statuses: a draft contract is not billed; a suspended or terminated one is, for its days in force. */
const billable = new Set(["active", "suspended", "terminated"]);

export type ContractPlan =
  | { kind: "build"; contract: ChunkContract; from: string; to: string; draft: ExistingInvoice | null }
  | { kind: "skip"; contract: ChunkContract; invoice: ExistingInvoice }
  | { kind: "fail"; failure: BillingFailure };

/**
 * What to do with one contract for [periodStart, periodEnd): the billed part is the period
 * clipped to the contract's dates. An invoice already issued for that start → skip (re-running
 * never duplicates); a draft → rebuilt; another live invoice overlapping → `period_overlap`.
 */
export function planContract(contract: ChunkContract, periodStart: string, periodEnd: string, existing: ExistingInvoice[]): ContractPlan {
  const from = contract.startDate > periodStart ? contract.startDate : periodStart;
  const to = contract.endDate !== null && contract.endDate < periodEnd ? contract.endDate : periodEnd;
  if (!billable.has(contract.status) || from >= to) {
    return {
      kind: "fail",
      failure: {
        contractId: contract.id,
        code: "contract_inactive",
        detail: `contract is ${contract.status} or not in force over the period`,
      },
    };
  }
  const same = existing.find((e) => e.periodStart === from);
  const other = existing.find((e) => e.periodStart !== from && e.periodStart < to && e.periodEnd > from);
  if (same && same.status !== "draft") return { kind: "skip", contract, invoice: same };
  if (other) {
    return {
      kind: "fail",
      failure: {
        contractId: contract.id,
        code: "period_overlap",
        detail: `invoice ${other.id} already covers [${other.periodStart}, ${other.periodEnd})`,
      },
    };
  }
  return { kind: "build", contract, from, to, draft: same ?? null };
}
