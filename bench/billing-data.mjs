// Data of the billing benchmark: the app's migrations, BENCH_CONTRACTS clients each with one
// delivery point, one 15-minute meter and one monthly contract, one month of readings per meter
// streamed in with COPY … FROM STDIN, then the rollups (the same buckets ingest maintains).
// Tariffs and contracts are created by bench/billing-run.bench.ts through the app's services.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { buildRollups, migrateSchema } from "./measurements-data.mjs";

export const slotMs = 15 * 60_000;
const timezone = "Africa/Algiers";
const metersPerSite = 1000;

/** Sites of 1,000 meters, and per meter a client, a delivery point linked to it. Set-based. */
async function createFleet(sql, count) {
  const siteCount = Math.ceil(count / metersPerSite);
  await sql`insert into sites (code, name, type, timezone)
    select 'BENCH-BT' || lpad(s::text, 3, '0'), 'Clientèle banc ' || s, 'other', ${timezone}
    from generate_series(1, ${siteCount}) s`;
  await sql`insert into meters (site_id, code, name, kind, quantity, unit, interval_minutes)
    select st.id, 'BENCH-PDL-' || lpad(i::text, 6, '0') || '-M1', 'Compteur ' || i, 'consumption', 'energy', 'kWh', 15
    from generate_series(1, ${count}) i
    join sites st on st.code = 'BENCH-BT' || lpad(((i - 1) / ${metersPerSite} + 1)::text, 3, '0')`;
  await sql`insert into clients (code, kind, name, email, country, locale)
    select 'CLI-' || lpad(i::text, 6, '0'), case when i % 10 = 0 then 'company' else 'person' end,
           'Client banc ' || i, 'client' || i || '@bench.dihya.dz', 'DZ',
           (array['fr', 'ar', 'kab', 'zgh', 'en'])[1 + i % 5]
    from generate_series(1, ${count}) i`;
  await sql`insert into delivery_points (client_id, code, site_id)
    select c.id, 'BENCH-PDL-' || substr(c.code, 5), m.site_id
    from clients c join meters m on m.code = 'BENCH-PDL-' || substr(c.code, 5) || '-M1'`;
  await sql`insert into delivery_point_meters (delivery_point_id, meter_id)
    select d.id, m.id from delivery_points d join meters m on m.code = d.code || '-M1'
    where d.code like 'BENCH-PDL-%'`;
  return sql`select id from meters where code like 'BENCH-PDL%' order by code`;
}

/** A household load curve: evening peak, night trough, a little noise (kWh per 15 minutes). */
function valueAt(t, phase) {
  const hour = (t / 3_600_000 + 1) % 24;
  const daily = 1 + 0.6 * Math.sin(((hour - 13) / 24) * 2 * Math.PI);
  return Math.max(0, 0.08 * phase * daily + (Math.random() - 0.5) * 0.02);
}

async function* lines(meters, start, slots) {
  const stamps = [...Array(slots).keys()].map((s) => new Date(start + s * slotMs).toISOString());
  let chunk = "";
  for (const [i, meter] of meters.entries()) {
    const phase = 0.5 + ((i * 37) % 100) / 50;
    for (let s = 0; s < slots; s++) {
      const v = valueAt(start + s * slotMs, phase).toFixed(3);
      chunk += `${meter.id}\t${stamps[s]}\t${v}\t${v}\tkWh\tmeasured\tseed\n`;
      if (chunk.length > 1 << 20) {
        yield chunk;
        chunk = "";
      }
    }
  }
  if (chunk) yield chunk;
}

/** Streams every meter's readings of [start, start + slots × 15 min) through `streams` parallel COPYs. */
async function copyReadings(sql, meters, start, slots, streams) {
  const parts = [...Array(streams)].map((_, k) => meters.filter((_, i) => i % streams === k));
  await Promise.all(
    parts.map(async (part) => {
      const writable = await sql`copy readings (meter_id, ts, value, original_value, original_unit, quality, source) from stdin`.writable();
      await pipeline(Readable.from(lines(part, start, slots)), writable);
    }),
  );
  return meters.length * slots;
}

/**
 * Schema, fleet, readings of the month [monthStart, monthEnd) (UTC ms; a margin of one day on
 * each side so the site-local month is whole) and rollups. Prints each step's time.
 */
export async function loadBillingData(sql, root, { contracts, monthStart, monthEnd, streams }) {
  const secs = (t) => ((performance.now() - t) / 1000).toFixed(1);
  let t = performance.now();
  await migrateSchema(sql, root);
  const meters = await createFleet(sql, contracts);
  console.log(`bench: schema, ${contracts.toLocaleString("en")} clients, delivery points and meters in ${secs(t)} s`);
  t = performance.now();
  const start = monthStart - 86_400_000;
  const slots = Math.round((monthEnd + 86_400_000 - start) / slotMs);
  const rows = await copyReadings(sql, meters, start, slots, streams);
  console.log(`bench: COPY of ${rows.toLocaleString("en")} readings in ${secs(t)} s; rollups…`);
  t = performance.now();
  await buildRollups(sql);
  // What autovacuum does after a bulk load (it is off on some test servers): the visibility map
  // that lets billing read the hourly sums from the primary key's index alone.
  await sql`vacuum analyze readings_hourly`;
  await sql`vacuum analyze readings_daily`;
  console.log(`bench: rollups in ${secs(t)} s`);
  return { meters: meters.length, readings: rows };
}
