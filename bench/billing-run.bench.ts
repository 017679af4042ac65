// The timed part of bench/billing.mjs, run by Vitest (for the app's path aliases) against the
// database bench/billing-data.mjs filled: tariffs through the tariffs service, one monthly
// contract per client, then (a) the billing run of the month — `runBillingNow`, the same code
// as the background job — against a baseline in the same process (the month's sum per meter
// straight from the raw readings), (b) PDF renderings per second. Prints `BENCH key value`
// lines for bench/billing.mjs. Never part of `npm test` (vitest.config.ts includes tests/ only).
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { invoices } from "@/db/schema";
import { tariffPresets } from "@/db/seed/billing/tariff-presets";
import { runBillingNow } from "@/server/energy/billing/billing-run";
import { issueInvoice } from "@/server/energy/billing/issue-invoice";
import { loadInvoiceDto } from "@/server/energy/invoices/invoices-query";
import { renderInvoicePdf } from "@/server/energy/invoices/invoice-pdf";
import { addTariffVersion, createTariff } from "@/server/energy/tariffs/tariffs-service";

const actor = { kind: "system", id: "bench" } as const;
const periodStart = process.env.BENCH_PERIOD_START!;
const periodEnd = process.env.BENCH_PERIOD_END!;
const pdfRenders = Number(process.env.BENCH_PDF_RENDERS ?? 300);
const print = (key: string, value: string | number) => console.log(`BENCH ${key} ${value}`);

/** One tariff per preset; contracts spread over them (ToU, graduated, mixed, flat tax-included). */
async function contracts() {
  const db = await getDb();
  // A previous run's billing (BENCH_KEEP_DATA=1): start again from the readings alone.
  await db.execute(sql`truncate payment_intents, payments, payment_events, invoice_lines, invoices, invoice_sequences, billing_runs,
    contract_history, contract_delivery_points, contracts, tariff_versions, tariffs, jobs cascade`);
  const ids: string[] = [];
  for (const preset of tariffPresets) {
    const { laterVersions, validFrom, definition, ...tariff } = preset;
    const created = await db.transaction((tx) =>
      createTariff(tx, actor, {
        ...tariff,
        currency: "DZD",
        country: "DZ",
        validFrom,
        definition: { ...definition, currency: "DZD" },
        note: null,
      }),
    );
    for (const later of laterVersions ?? [])
      await db.transaction((tx) =>
        addTariffVersion(tx, actor, created.id, { ...later, definition: { ...later.definition, currency: "DZD" } }),
      );
    ids.push(created.id);
  }
  await db.execute(sql`
    insert into contracts (number, client_id, tariff_id, start_date, billing_cycle, status)
    select 'CTR-BENCH-' || substr(c.code, 5), c.id,
           (${`{${ids.join(",")}}`}::uuid[])[1 + (substr(c.code, 5)::int % ${ids.length})],
           date '2025-01-01', 'monthly', 'active'
    from clients c`);
  await db.execute(sql`
    insert into contract_delivery_points (contract_id, delivery_point_id)
    select k.id, d.id from contracts k join delivery_points d on d.client_id = k.client_id`);
  await db.execute(sql`analyze`);
  return ids.length;
}

it("bills a month of 15-minute readings and renders invoice PDFs", async () => {
  const db = await getDb();
  print("tariffs", await contracts());
  const n = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from contracts`))[0]?.n ?? 0;
  print("contracts", n);

  // Baseline: the month's energy per meter summed straight from the raw readings (one statement).
  let t = performance.now();
  const sums = rowsOf(
    await db.execute(sql`
      select r.meter_id, sum(r.value) from readings r
      where r.ts >= (${periodStart}::date::timestamp at time zone 'Africa/Algiers')
        and r.ts < (${periodEnd}::date::timestamp at time zone 'Africa/Algiers')
      group by r.meter_id`),
  );
  print("baseline_ms", (performance.now() - t).toFixed(0));
  print("baseline_meters", sums.length);

  t = performance.now();
  const run = await runBillingNow(db, actor, { periodStart, periodEnd, cycle: "monthly" });
  print("run_ms", (performance.now() - t).toFixed(0));
  print("run_created", run.created);
  print("run_failed", run.failed);
  if (run.failed > 0) console.log("first errors:", JSON.stringify(run.errors.slice(0, 3)));

  t = performance.now();
  const rerun = await runBillingNow(db, actor, { periodStart, periodEnd, cycle: "monthly" });
  print("rerun_ms", (performance.now() - t).toFixed(0));
  print("rerun_created", rerun.created);
  print("rerun_updated", rerun.updated);

  // PDF renderings: one issued invoice, rendered again and again (French, then Arabic).
  const [draft] = await db.select({ id: invoices.id }).from(invoices).limit(1);
  await db.transaction((tx) => issueInvoice(tx, actor, draft!.id));
  const dto = await loadInvoiceDto(db, draft!.id);
  for (const locale of ["fr", "ar"]) {
    await renderInvoicePdf(dto, locale); // warm the font caches
    t = performance.now();
    let bytes = 0;
    for (let i = 0; i < pdfRenders; i++) bytes += (await renderInvoicePdf(dto, locale)).length;
    const ms = performance.now() - t;
    print(`pdf_${locale}_per_s`, ((pdfRenders * 1000) / ms).toFixed(1));
    print(`pdf_${locale}_kb`, (bytes / pdfRenders / 1024).toFixed(1));
  }
  expect(run.created).toBe(n);
}, 1_800_000);
