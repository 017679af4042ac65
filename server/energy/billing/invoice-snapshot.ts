import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";

/** The settings key holding the operator's identity on documents ({ name, addressLine, city, country, taxNumber, … }). */
export const operatorSettingKey = "billing.operator";
/** The operator when no `billing.operator` setting exists: DIHYA_OPERATOR_* variables, else "Dihya Énergie". */
export function operatorFromEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string | null> {
  const value = (v: string | undefined) => v?.trim() || null;
  return {
    name: value(env.DIHYA_OPERATOR_NAME) ?? "Dihya Énergie",
    addressLine: value(env.DIHYA_OPERATOR_ADDRESS),
    email: value(env.DIHYA_OPERATOR_CONTACT),
    taxNumber: value(env.DIHYA_OPERATOR_TAX_NUMBER),
  };
}

const parse = (v: unknown) => (typeof v === "string" ? (JSON.parse(v) as unknown) : v);

/**
 * The identities an issued document freezes (they never change afterwards, whatever happens to
 * the client, the contract or the tariff): operator (settings `billing.operator`, else
 * "Dihya Énergie"), client, contract, delivery points with their meters, and the tariff with
 * the versions its lines used. One statement.
 */
export async function invoiceSnapshot(tx: Executor, invoiceId: string): Promise<Record<string, unknown>> {
  const [row] = rowsOf<{ operator: unknown; client: unknown; contract: unknown; delivery_points: unknown; tariff: unknown }>(
    await tx.execute(sql`
      select
        (select s.value from settings s where s.key = ${operatorSettingKey}) as operator,
        json_build_object('id', cl.id, 'code', cl.code, 'kind', cl.kind, 'name', cl.name, 'email', cl.email, 'phone', cl.phone,
          'addressLine', cl.address_line, 'city', cl.city, 'postalCode', cl.postal_code, 'country', cl.country,
          'taxNumber', cl.tax_number, 'locale', cl.locale) as client,
        json_build_object('id', c.id, 'number', c.number, 'billingCycle', c.billing_cycle, 'paymentTermDays', c.payment_term_days,
          'subscribedKva', c.subscribed_kva, 'startDate', c.start_date, 'endDate', c.end_date) as contract,
        coalesce((
          select json_agg(json_build_object('id', dp.id, 'code', dp.code, 'addressLine', dp.address_line, 'city', dp.city,
            'meters', coalesce((select json_agg(json_build_object('id', m.id, 'code', m.code, 'name', m.name) order by m.code)
                                from delivery_point_meters dpm join meters m on m.id = dpm.meter_id
                                where dpm.delivery_point_id = dp.id), '[]'::json)) order by dp.code)
          from contract_delivery_points cdp join delivery_points dp on dp.id = cdp.delivery_point_id
          where cdp.contract_id = c.id), '[]'::json) as delivery_points,
        json_build_object('id', t.id, 'code', t.code, 'name', t.name, 'currency', t.currency,
          'versions', coalesce((
            select json_agg(json_build_object('id', v.id, 'version', v.version, 'validFrom', v.valid_from, 'validTo', v.valid_to) order by v.valid_from)
            from tariff_versions v
            where v.id::text in (select l.provenance->>'tariffVersionId' from invoice_lines l where l.invoice_id = i.id)), '[]'::json)) as tariff
      from invoices i
      join clients cl on cl.id = i.client_id
      join contracts c on c.id = i.contract_id
      join tariffs t on t.id = c.tariff_id
      where i.id = ${invoiceId}`),
  );
  if (!row) throw new Error(`invoice ${invoiceId} not found`);
  const operator = parse(row.operator);
  return {
    operator: operator && typeof operator === "object" ? operator : operatorFromEnv(),
    client: parse(row.client),
    contract: parse(row.contract),
    deliveryPoints: parse(row.delivery_points),
    tariff: parse(row.tariff),
  };
}
