// Data of the measurements benchmark: schema (the app's own drizzle migrations), bench sites
// and meters, a year of 15-minute readings per meter streamed in with COPY … FROM STDIN, then
// the hourly and daily rollups built by two set-based statements. See bench/README.md.
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";

export const slotMs = 15 * 60_000;
export const slotsPerMeter = 365 * 96;
export const metersPerSite = 10;
/** Meters 1–8 of a site are consumption, 9–10 production (all kWh). */
const consumptionPerSite = 8;
export const timezone = "Africa/Algiers";

/** Applies db/migrations exactly as the server does at start-up (idempotent). */
export async function migrateSchema(sql, root) {
  await migrate(drizzle(sql), { migrationsFolder: join(root, "db", "migrations") });
}

const pad = (n, width = 3) => String(n).padStart(width, "0");

/**
 * `meterCount` meters on bench sites of ten (BENCH-S001, …), plus a BENCH-INGEST site with
 * `ingestMeters` meters fed through the API (BENCH-IN-xx) and as many fed by raw INSERTs
 * (BENCH-RAW-xx). Returns the meters that receive generated readings.
 */
export async function createFleet(sql, meterCount, ingestMeters) {
  const siteCount = Math.ceil(meterCount / metersPerSite);
  const sites = await sql`insert into sites ${sql(
    [...Array(siteCount).keys()].map((i) => ({
      code: `BENCH-S${pad(i + 1)}`,
      name: `Banc d'essai ${i + 1}`,
      type: "substation",
      timezone,
    })),
  )} returning id, code`;
  const rows = [...Array(meterCount).keys()].map((i) => {
    const site = sites[Math.floor(i / metersPerSite)];
    const n = (i % metersPerSite) + 1;
    const kind = n <= consumptionPerSite ? "consumption" : "production";
    return { site_id: site.id, code: `${site.code}-M${pad(n, 2)}`, name: `Compteur ${n}`, kind, quantity: "energy", unit: "kWh" };
  });
  const generated = [];
  for (let i = 0; i < rows.length; i += 1000)
    generated.push(...(await sql`insert into meters ${sql(rows.slice(i, i + 1000))} returning id, code`));
  const [ingestSite] =
    await sql`insert into sites ${sql({ code: "BENCH-INGEST", name: "Banc d'ingestion", type: "substation", timezone })} returning id`;
  const extra = ["IN", "RAW"].flatMap((p) =>
    [...Array(ingestMeters).keys()].map((i) => ({
      site_id: ingestSite.id,
      code: `BENCH-${p}-${pad(i + 1, 2)}`,
      name: `${p} ${i + 1}`,
      kind: "consumption",
      quantity: "energy",
      unit: "kWh",
    })),
  );
  const side = await sql`insert into meters ${sql(extra)} returning id, code`;
  return {
    generated,
    querySite: sites[0].code,
    ingest: side.filter((m) => m.code.startsWith("BENCH-IN-")),
    raw: side.filter((m) => m.code.startsWith("BENCH-RAW-")),
  };
}

/** A believable load curve: daily and weekly cycles, a season, noise. */
function valueAt(t, phase) {
  const hour = (t / 3_600_000 + 1) % 24;
  const day = Math.floor(t / 86_400_000);
  const daily = 1 + 0.45 * Math.sin(((hour - 8) / 24) * 2 * Math.PI);
  const weekly = (day + 4) % 7 >= 5 ? 0.8 : 1;
  const season = 1 + 0.25 * Math.cos(((day % 365) / 365) * 2 * Math.PI);
  return Math.max(0, 12 * phase * daily * weekly * season + (Math.random() - 0.5) * 2);
}

/** TSV lines of `meters`, one meter after the other, in chunks of ~1 MB. */
async function* lines(meters, start, slots) {
  const stamps = [...Array(slots).keys()].map((s) => new Date(start + s * slotMs).toISOString());
  for (const [i, meter] of meters.entries()) {
    const phase = 0.6 + ((i * 37) % 80) / 100;
    let chunk = "";
    for (let s = 0; s < slots; s++) {
      const v = valueAt(start + s * slotMs, phase).toFixed(3);
      const quality = s % 997 === 0 ? "estimated" : "measured";
      chunk += `${meter.id}\t${stamps[s]}\t${v}\t${v}\tkWh\t${quality}\tseed\n`;
      if (chunk.length > 1 << 20) {
        yield chunk;
        chunk = "";
      }
    }
    if (chunk) yield chunk;
  }
}

/**
 * Streams `total` readings (one year per meter, the last meter shorter) through `streams`
 * parallel COPY … FROM STDIN. Resolves to the number of rows written.
 */
export async function copyReadings(sql, meters, { start, total, streams }) {
  const parts = [...Array(streams)].map(() => []);
  let remaining = total;
  meters.forEach((m, i) => {
    const slots = Math.min(slotsPerMeter, remaining);
    remaining -= slots;
    if (slots > 0) parts[i % streams].push({ ...m, slots });
  });
  const copyOne = async (list) => {
    const bySize = new Map();
    for (const m of list) bySize.set(m.slots, [...(bySize.get(m.slots) ?? []), m]);
    for (const [slots, group] of bySize) {
      const writable = await sql`copy readings (meter_id, ts, value, original_value, original_unit, quality, source) from stdin`.writable();
      await pipeline(Readable.from(lines(group, start, slots)), writable);
    }
  };
  await Promise.all(parts.map(copyOne));
  return total - remaining;
}

/** The rollups of every reading: the same buckets refreshRollups() maintains on ingest. */
export async function buildRollups(sql) {
  const counts = `sum(r.value), count(*), min(r.value), max(r.value),
    count(*) filter (where r.quality = 'estimated'), count(*) filter (where r.quality = 'corrected')`;
  await Promise.all([
    sql.unsafe(`insert into readings_hourly (meter_id, bucket, sum, count, min, max, estimated, corrected)
      select r.meter_id, date_trunc('hour', r.ts, 'UTC'), ${counts} from readings r group by 1, 2`),
    sql.unsafe(`insert into readings_daily (meter_id, day, sum, count, min, max, estimated, corrected)
      select r.meter_id, (r.ts at time zone s.timezone)::date, ${counts}
      from readings r join meters m on m.id = r.meter_id join sites s on s.id = m.site_id group by 1, 2`),
  ]);
  await sql`analyze`;
}
