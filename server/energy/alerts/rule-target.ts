import "server-only";
import { and, eq, inArray, max } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { meters, sites } from "@/db/schema";
import type { AlertRule } from "@/lib/validation/alert-rules";
import { DomainError } from "@/server/platform/errors";

/** The stored target of a rule: a meter (no site, no kind), or a site and a kind. */
export type RuleTarget = { meterId: string | null; siteId: string | null; kind: string | null };

const durationTooShort = () => new DomainError("validation_failed", "alertDurationBelowInterval", "durationMinutes");

/**
 * Checks the target of a rule: the meter or site exists, and the duration covers at least
 * one interval of the meter (of the coarsest energy/power meter of that kind on the site).
 */
export async function resolveTarget(db: Executor, input: AlertRule): Promise<RuleTarget> {
  if (input.target === "meter") {
    const [meter] = await db
      .select({ id: meters.id, interval: meters.intervalMinutes })
      .from(meters)
      .where(eq(meters.id, input.meterId!))
      .limit(1);
    if (!meter) throw new DomainError("validation_failed", "alertMeterUnknown", "meterId");
    if (input.durationMinutes < meter.interval) throw durationTooShort();
    return { meterId: meter.id, siteId: null, kind: null };
  }
  const [site] = await db.select({ id: sites.id }).from(sites).where(eq(sites.id, input.siteId!)).limit(1);
  if (!site) throw new DomainError("validation_failed", "siteUnknown", "siteId");
  const [coarsest] = await db
    .select({ interval: max(meters.intervalMinutes) })
    .from(meters)
    .where(
      and(eq(meters.siteId, site.id), eq(meters.kind, input.kind!), eq(meters.active, true), inArray(meters.quantity, ["energy", "power"])),
    );
  if (coarsest?.interval && input.durationMinutes < coarsest.interval) throw durationTooShort();
  return { meterId: null, siteId: site.id, kind: input.kind! };
}
