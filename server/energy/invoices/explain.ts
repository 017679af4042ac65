import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { invoices, meters, readingsDaily } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { uuidPattern, type InvoiceDto, type InvoiceLineDto } from "./invoice-dto";
import { getInvoice } from "./invoices-query";

export type ExplainedDay = { day: string; kwh: number; readings: number; estimated: number; corrected: number };

export type ExplainedMeter = {
  id: string;
  code: string;
  name: string | null;
  /** Σ of the daily sums over the line's period (kWh). */
  kwh: number;
  readings: number;
  estimatedReadings: number;
  correctedReadings: number;
  days: ExplainedDay[];
};

/** Why a line says what it says: the readings behind it, or the invoice it adjusts. */
export type ExplainedLine = {
  line: InvoiceLineDto;
  from: string | null;
  /** Exclusive. */
  to: string | null;
  /** Readings used vs expected over the period (from the line's provenance, as computed at billing time). */
  readings: number | null;
  expected: number | null;
  /** Share of the line's quantity that was estimated (0–1), null when unknown. */
  estimatedShare: number | null;
  meters: ExplainedMeter[];
  /** A regularisation or an adjustment: the invoice whose period it corrects. */
  adjusts: { id: string; number: string | null; periodStart: string; periodEnd: string } | null;
};

export type InvoiceExplanation = { invoice: InvoiceDto; lines: ExplainedLine[] };

/** Days between two "YYYY-MM-DD" dates, capped so a malformed provenance cannot ask for years of rows. */
const MAX_DAYS = 400;
const isDay = (s: unknown): s is string => typeof s === "string" && /^\d{4}-\d{2}-\d{2}$/.test(s);

/**
 * "Explain this bill": for each line, where its quantity comes from. Energy (and per-kWh levy)
 * lines list their meters and, per meter, the daily consumption from readings_daily over the
 * line's period with the counts of estimated and corrected readings; regularisation and
 * adjustment lines point to the invoice they correct. Same visibility as `getInvoice` (404
 * outside the actor's scope).
 */
export async function explainInvoice(db: Executor, actor: Actor, id: string): Promise<InvoiceExplanation> {
  const invoice = await getInvoice(db, actor, id);

  const meterIds = new Set<string>();
  const adjustIds = new Set<string>();
  for (const line of invoice.lines) {
    for (const m of line.provenance.meters ?? []) if (typeof m?.id === "string" && uuidPattern.test(m.id)) meterIds.add(m.id);
    const adjusts = line.provenance.adjusts;
    if (typeof adjusts === "string" && uuidPattern.test(adjusts)) adjustIds.add(adjusts);
  }
  // Delivery-point meters stand in for lines whose provenance names none (older drafts).
  const fallbackMeters = invoice.deliveryPoints.flatMap((dp) => dp.meters);

  const [meterRows, adjusted] = await Promise.all([
    meterIds.size
      ? db
          .select({ id: meters.id, code: meters.code, name: meters.name })
          .from(meters)
          .where(inArray(meters.id, [...meterIds]))
      : Promise.resolve([]),
    adjustIds.size
      ? db
          .select({ id: invoices.id, number: invoices.number, periodStart: invoices.periodStart, periodEnd: invoices.periodEnd })
          .from(invoices)
          // Only the same client's invoices: a provenance can never reveal another client's document.
          .where(and(inArray(invoices.id, [...adjustIds]), eq(invoices.clientId, invoice.client.id)))
      : Promise.resolve([]),
  ]);
  const meterNames = new Map(meterRows.map((m) => [m.id, m]));
  const adjustedById = new Map(adjusted.map((a) => [a.id, a]));

  const lines: ExplainedLine[] = [];
  for (const line of invoice.lines) {
    const p = line.provenance;
    const from = isDay(p.from) ? p.from : line.periodStart;
    const to = isDay(p.to) ? p.to : line.periodEnd;
    const metered = line.kind === "energy" || (line.kind === "levy" && line.unit === "kWh");
    const lineMeters = (p.meters?.length ? p.meters : metered ? fallbackMeters : []).filter(
      (m): m is { id: string; code: string } => typeof m?.id === "string" && uuidPattern.test(m.id),
    );
    const explained: ExplainedMeter[] =
      metered && from && to && lineMeters.length ? await dailyUsage(db, lineMeters, from, to, meterNames) : [];
    const estimatedMilli = typeof p.estimatedMilli === "number" ? p.estimatedMilli : null;
    const adjusts = typeof p.adjusts === "string" ? (adjustedById.get(p.adjusts) ?? null) : null;
    lines.push({
      line,
      from,
      to,
      readings: typeof p.readings === "number" ? p.readings : null,
      expected: typeof p.expected === "number" ? p.expected : null,
      estimatedShare:
        estimatedMilli !== null && line.quantityMilli !== 0
          ? Math.min(1, Math.max(0, estimatedMilli / Math.abs(line.quantityMilli)))
          : line.estimated
            ? null
            : metered
              ? 0
              : null,
      meters: explained,
      adjusts,
    });
  }
  return { invoice, lines };
}

async function dailyUsage(
  db: Executor,
  lineMeters: { id: string; code: string }[],
  from: string,
  to: string,
  names: Map<string, { id: string; code: string; name: string }>,
): Promise<ExplainedMeter[]> {
  const ids = [...new Set(lineMeters.map((m) => m.id))];
  const rows = await db
    .select({
      meterId: readingsDaily.meterId,
      day: readingsDaily.day,
      sum: readingsDaily.sum,
      count: readingsDaily.count,
      estimated: readingsDaily.estimated,
      corrected: readingsDaily.corrected,
    })
    .from(readingsDaily)
    .where(
      and(
        inArray(readingsDaily.meterId, ids),
        sql`${readingsDaily.day} >= ${from}::date`,
        sql`${readingsDaily.day} < ${to}::date`,
        sql`${readingsDaily.day} < ${from}::date + ${MAX_DAYS}::int`,
      ),
    )
    .orderBy(asc(readingsDaily.meterId), asc(readingsDaily.day));
  return ids.map((id) => {
    const days = rows
      .filter((r) => r.meterId === id)
      .map((r) => ({ day: r.day, kwh: r.sum, readings: r.count, estimated: r.estimated, corrected: r.corrected }));
    const known = names.get(id);
    const code = known?.code ?? lineMeters.find((m) => m.id === id)?.code ?? id;
    return {
      id,
      code,
      name: known?.name ?? null,
      kwh: days.reduce((s, d) => s + d.kwh, 0),
      readings: days.reduce((s, d) => s + d.readings, 0),
      estimatedReadings: days.reduce((s, d) => s + d.estimated, 0),
      correctedReadings: days.reduce((s, d) => s + d.corrected, 0),
      days,
    };
  });
}
