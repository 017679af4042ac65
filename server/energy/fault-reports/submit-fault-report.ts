import "server-only";
import { eq } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { equipment, faultReports, sites } from "@/db/schema";
import type { FaultReport } from "@/lib/validation/fault-reports";
import { diff, recordAudit } from "@/server/platform/audit";
import { DomainError, notFound } from "@/server/platform/errors";
import { notify } from "@/server/platform/notifications/notify";
import { hit } from "@/server/platform/rate-limit";
import type { RequestContext } from "@/server/platform/request-context";

/** Reports accepted per client address per hour, and per equipment per day. */
export const reportLimits = { perIpPerHour: 5, perEquipmentPerDay: 20 } as const;

/** The only facts a public label page shows: the equipment's name and its site's name. */
export type PublicEquipment = { id: string; name: string; siteName: string };

/** The equipment behind a label token, or null. Public: no permission, nothing sensitive. */
export async function equipmentForReport(db: Executor, token: string): Promise<PublicEquipment | null> {
  const [row] = await db
    .select({ id: equipment.id, name: equipment.name, siteName: sites.name })
    .from(equipment)
    .innerJoin(sites, eq(sites.id, equipment.siteId))
    .where(eq(equipment.qrToken, token))
    .limit(1);
  return row ?? null;
}

/**
 * A fault report from a label, without an account. Unknown token: 404. Rate-limited per
 * client address (5 an hour) and per equipment (20 a day): `rate_limited` /
 * `faultReportRateLimited`. A filled honeypot (`website`) is answered like a success and
 * stores nothing. Otherwise stores a `new` report, audited as `fault_report.created` by
 * an anonymous actor with the client's address, and notifies every admin. Takes the
 * database, not a transaction: the rate-limit counters commit on their own.
 */
export async function submitFaultReport(
  db: Db,
  input: FaultReport,
  context: RequestContext,
): Promise<{ status: "created"; id: string } | { status: "ignored" }> {
  const target = await equipmentForReport(db, input.token);
  if (!target) throw notFound();
  const hour = 60 * 60 * 1000;
  if (!(await hit(`fault-report:ip:${context.ip ?? "unknown"}`, reportLimits.perIpPerHour, hour)).allowed) {
    throw new DomainError("rate_limited", "faultReportRateLimited");
  }
  if (input.website) return { status: "ignored" };
  if (!(await hit(`fault-report:equipment:${target.id}`, reportLimits.perEquipmentPerDay, 24 * hour)).allowed) {
    throw new DomainError("rate_limited", "faultReportRateLimited");
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(faultReports)
      .values({
        equipmentId: target.id,
        description: input.description.normalize("NFC"),
        reporterName: input.reporterName?.normalize("NFC") ?? null,
        reporterContact: input.reporterContact ?? null,
        ip: context.ip,
      })
      .returning({ id: faultReports.id });
    if (!row) throw new Error("insert returned nothing");
    await recordAudit(tx, {
      actor: null,
      action: "fault_report.created",
      entityType: "fault_report",
      entityId: row.id,
      changes: diff({}, { equipmentId: target.id, description: input.description, reporterName: input.reporterName ?? null }),
      context,
    });
    await notify(tx, {
      to: { role: "admin" },
      kind: "fault_report.created",
      titleKey: "notifications.messages.fault_report.created.title",
      bodyKey: "notifications.messages.fault_report.created.body",
      params: { equipment: target.name, site: target.siteName },
      link: "/energy/fault-reports",
    });
    return { status: "created" as const, id: row.id };
  });
}
