import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";

/** The state of one segment of an issued invoice, as billed so far (original lines + later adjustments). */
export type BilledSegment = { versionId: string; from: string; to: string; energyMilli: number; touMilli: Record<string, number> };

/** An earlier issued invoice whose energy must be checked again. */
export type PendingInvoice = {
  id: string;
  contractId: string;
  number: string;
  periodStart: string;
  periodEnd: string;
  /** Still carrying an estimate no later line has replaced by complete readings. */
  estimatedOpen: boolean;
  billed: BilledSegment[];
};

/** Lines on non-cancelled invoices of the same contract that adjust `i`, except those of the invoice being built. */
const adjusting = sql`
  from invoices j
  join invoice_lines l on l.invoice_id = j.id and l.kind in ('regularisation', 'adjustment') and l.provenance->>'adjusts' = i.id::text
  where j.contract_id = i.contract_id and j.kind = 'invoice' and j.status <> 'cancelled' and j.period_start <> i.target`;

/**
 * For the contracts being billed (each with the start of the period being built), the earlier
 * issued invoices (not cancelled) that still need a look — one statement:
 * - an estimate not yet regularised by a later line computed on complete readings;
 * - or a reading of the period corrected (reading_history.replaced_at) after the invoice was
 *   issued and after the last line that adjusted it was computed.
 */
async function pendingRows(tx: Executor, targets: { contractId: string; periodStart: string }[]) {
  return rowsOf<{ id: string; contract_id: string; number: string; ps: string; pe: string; estimated_open: boolean }>(
    await tx.execute(sql`
      with x as (select * from json_to_recordset(${JSON.stringify(targets.map((t) => ({ c: t.contractId, p: t.periodStart })))}::json) as x(c uuid, p date)),
      i as (
        select i.id, i.contract_id, i.number, i.period_start, i.period_end, i.estimated, i.issued_at, x.p as target
        from x join invoices i on i.contract_id = x.c and i.kind = 'invoice' and i.status not in ('draft', 'cancelled')
          and i.period_end <= x.p and i.issued_at is not null),
      s as (
        select i.*,
          greatest(i.issued_at, (select max((l.provenance->>'computedAt')::timestamptz) ${adjusting})) as since,
          i.estimated and not exists (select 1 ${adjusting} and (l.provenance->>'complete')::boolean) as estimated_open
        from i)
      select s.id, s.contract_id, s.number, s.period_start::text as ps, s.period_end::text as pe, s.estimated_open
      from s
      where s.estimated_open or exists (
        select 1 from contract_delivery_points cdp
        join delivery_point_meters dpm on dpm.delivery_point_id = cdp.delivery_point_id
        join meters m on m.id = dpm.meter_id
        join sites st on st.id = m.site_id
        join reading_history h on h.meter_id = m.id
          and h.ts >= (s.period_start::timestamp at time zone st.timezone) and h.ts < (s.period_end::timestamp at time zone st.timezone)
        where cdp.contract_id = s.contract_id and h.replaced_at > s.since)
      order by s.contract_id, s.period_start`),
  );
}

type LineRow = { invoice_id: string; kind: string; quantity_milli: number | string; ps: string; pe: string; provenance: unknown };
const json = (v: unknown): Record<string, unknown> => ((typeof v === "string" ? JSON.parse(v) : v) ?? {}) as Record<string, unknown>;

/**
 * The invoices to check again, with what has been billed per segment so far: the latest
 * adjusting line's `segments` (its `actual`) when there is one, else the original energy lines
 * (Σ quantities per tariff version and dates, and per time-of-use period). Two statements.
 */
export async function loadPending(tx: Executor, targets: { contractId: string; periodStart: string }[]): Promise<PendingInvoice[]> {
  if (targets.length === 0) return [];
  const pending = await pendingRows(tx, targets);
  if (pending.length === 0) return [];
  const ids = JSON.stringify(pending.map((p) => p.id));
  const targetOf = new Map(targets.map((t) => [t.contractId, t.periodStart]));
  const lines = rowsOf<LineRow & { computed_at: string | null }>(
    await tx.execute(sql`
      with ids as (select json_array_elements_text(${ids}::json)::uuid as id)
      select l.invoice_id, l.kind, l.quantity_milli, l.period_start::text as ps, l.period_end::text as pe, l.provenance, null as computed_at
      from invoice_lines l join ids on ids.id = l.invoice_id where l.kind = 'energy'
      union all
      select (l.provenance->>'adjusts')::uuid, l.kind, l.quantity_milli, l.period_start::text, l.period_end::text, l.provenance,
             l.provenance->>'computedAt'
      from ids join invoices i on i.id = ids.id
      join invoices j on j.contract_id = i.contract_id and j.kind = 'invoice' and j.status <> 'cancelled'
      join invoice_lines l on l.invoice_id = j.id and l.kind in ('regularisation', 'adjustment') and l.provenance->>'adjusts' = i.id::text
      where j.period_start <> (select x.p from json_to_recordset(${JSON.stringify([...targetOf].map(([c, p]) => ({ c, p })))}::json)
                               as x(c uuid, p date) where x.c = i.contract_id)`),
  );
  return pending.map((p) => {
    const own = lines.filter((l) => l.invoice_id === p.id);
    const latest = own.filter((l) => l.computed_at !== null).sort((a, b) => Date.parse(b.computed_at!) - Date.parse(a.computed_at!))[0];
    let billed: BilledSegment[];
    if (latest) {
      billed = (
        (json(latest.provenance).segments ?? []) as {
          versionId: string;
          from: string;
          to: string;
          actualMilli: number;
          actualTou?: Record<string, number>;
        }[]
      ).map((s) => ({
        versionId: s.versionId,
        from: s.from,
        to: s.to,
        energyMilli: Number(s.actualMilli),
        touMilli: { ...(s.actualTou ?? {}) },
      }));
    } else {
      const bySegment = new Map<string, BilledSegment>();
      for (const l of own.filter((x) => x.kind === "energy")) {
        const prov = json(l.provenance);
        const versionId = String(prov.tariffVersionId ?? "");
        const key = `${versionId}|${l.ps}|${l.pe}`;
        const seg = bySegment.get(key) ?? { versionId, from: l.ps, to: l.pe, energyMilli: 0, touMilli: {} };
        const q = Number(l.quantity_milli);
        seg.energyMilli += q;
        if (typeof prov.touPeriod === "string") seg.touMilli[prov.touPeriod] = (seg.touMilli[prov.touPeriod] ?? 0) + q;
        bySegment.set(key, seg);
      }
      billed = [...bySegment.values()].sort((a, b) => (a.from < b.from ? -1 : 1));
    }
    return {
      id: p.id,
      contractId: p.contract_id,
      number: p.number,
      periodStart: p.ps,
      periodEnd: p.pe,
      estimatedOpen: Boolean(p.estimated_open),
      billed: billed.filter((s) => s.versionId !== ""),
    };
  });
}
