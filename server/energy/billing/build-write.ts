import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import type { EngineLine } from "@/lib/billing/types";
import { uuidArray } from "./sql-params";

/** A computed draft, ready to store: a new row (`isNew`) or the rebuild of an existing draft. */
export type DraftToWrite = {
  id: string;
  isNew: boolean;
  clientId: string;
  contractId: string;
  periodStart: string;
  periodEnd: string;
  currency: string;
  locale: string;
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
  estimated: boolean;
  consumptionMilli: number;
  co2Grams: number | null;
  lines: (EngineLine & { provenance: Record<string, unknown> })[];
};

const invoiceColumns = `id uuid, client_id uuid, contract_id uuid, run uuid, ps date, pe date, currency text, locale text,
  subtotal bigint, tax bigint, total bigint, estimated boolean, consumption bigint, co2 bigint`;

/**
 * Stores a chunk's drafts set-based, whatever their number: lines of rebuilt drafts deleted,
 * rebuilt drafts updated, new drafts inserted in one multi-row INSERT (a row that meets a live
 * invoice of the same contract and start — a concurrent run — is left out by ON CONFLICT on
 * the partial unique index `invoices_contract_period_key`), then every line in one INSERT.
 * Returns the ids actually written.
 */
export async function writeDrafts(
  tx: Executor,
  drafts: DraftToWrite[],
  billingRunId: string | null,
): Promise<{ inserted: Set<string>; updated: Set<string> }> {
  const row = (d: DraftToWrite) => ({
    id: d.id,
    client_id: d.clientId,
    contract_id: d.contractId,
    run: billingRunId,
    ps: d.periodStart,
    pe: d.periodEnd,
    currency: d.currency,
    locale: d.locale,
    subtotal: d.subtotalMinor,
    tax: d.taxMinor,
    total: d.totalMinor,
    estimated: d.estimated,
    consumption: d.consumptionMilli,
    co2: d.co2Grams,
  });
  const rebuilt = drafts.filter((d) => !d.isNew);
  const fresh = drafts.filter((d) => d.isNew);
  const updated = new Set<string>();
  const inserted = new Set<string>();

  if (rebuilt.length > 0) {
    await tx.execute(sql`delete from invoice_lines where invoice_id = any(${uuidArray(rebuilt.map((d) => d.id))})`);
    const rows = rowsOf<{ id: string }>(
      await tx.execute(sql`
        update invoices i set period_end = x.pe, billing_run_id = coalesce(x.run, i.billing_run_id), currency = x.currency,
          locale = x.locale, subtotal_minor = x.subtotal, tax_minor = x.tax, total_minor = x.total, estimated = x.estimated,
          consumption_milli = x.consumption, co2_grams = x.co2, updated_at = now()
        from json_to_recordset(${JSON.stringify(rebuilt.map(row))}::json) as x(${sql.raw(invoiceColumns)})
        where i.id = x.id and i.status = 'draft'
        returning i.id`),
    );
    for (const r of rows) updated.add(r.id);
  }
  if (fresh.length > 0) {
    const rows = rowsOf<{ id: string }>(
      await tx.execute(sql`
        insert into invoices (id, kind, client_id, contract_id, billing_run_id, period_start, period_end, status, currency, locale,
          subtotal_minor, tax_minor, total_minor, estimated, consumption_milli, co2_grams)
        select x.id, 'invoice', x.client_id, x.contract_id, x.run, x.ps, x.pe, 'draft', x.currency, x.locale,
          x.subtotal, x.tax, x.total, x.estimated, x.consumption, x.co2
        from json_to_recordset(${JSON.stringify(fresh.map(row))}::json) as x(${sql.raw(invoiceColumns)})
        on conflict (contract_id, period_start) where kind = 'invoice' and status <> 'cancelled' do nothing
        returning id`),
    );
    for (const r of rows) inserted.add(r.id);
  }

  const lines = drafts
    .filter((d) => updated.has(d.id) || inserted.has(d.id))
    .flatMap((d) =>
      d.lines.map((l, i) => ({
        inv: d.id,
        pos: i + 1,
        kind: l.kind,
        lk: l.labelKey,
        lp: l.labelParams,
        ps: l.periodStart,
        pe: l.periodEnd,
        q: l.quantityMilli,
        unit: l.unit,
        price: l.unitPriceMicro,
        amount: l.amountMinor,
        vat: l.vatBp,
        est: l.estimated,
        prov: l.provenance,
      })),
    );
  if (lines.length > 0) {
    await tx.execute(sql`
      insert into invoice_lines (invoice_id, position, kind, label_key, label_params, period_start, period_end, quantity_milli, unit,
        unit_price_micro, amount_minor, vat_bp, estimated, provenance)
      select x.inv, x.pos, x.kind, x.lk, x.lp, x.ps, x.pe, x.q, x.unit, x.price, x.amount, x.vat, x.est, x.prov
      from json_to_recordset(${JSON.stringify(lines)}::json) as x(inv uuid, pos int, kind text, lk text, lp jsonb, ps date, pe date,
        q bigint, unit text, price bigint, amount bigint, vat int, est boolean, prov jsonb)`);
  }
  return { inserted, updated };
}
