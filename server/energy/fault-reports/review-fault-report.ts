import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@/db/client";
import { equipment, faultReports, sites } from "@/db/schema";
import type { acceptFaultReportSchema, rejectFaultReportSchema } from "@/lib/validation/fault-reports";
import { actorLabel, assertCan, type Actor } from "@/server/auth/actor";
import { createIntervention } from "@/server/energy/maintenance/interventions-service";
import { knownZone, wallTimeToDate } from "@/server/energy/equipment/dates";
import { recordAudit } from "@/server/platform/audit";
import { DomainError, notFound } from "@/server/platform/errors";

/** The report, locked, still waiting for a review (409 `faultReportReviewed` otherwise). */
async function lockNewReport(tx: Executor, id: string) {
  const [report] = await tx
    .select({
      id: faultReports.id,
      status: faultReports.status,
      equipmentId: faultReports.equipmentId,
      description: faultReports.description,
      timezone: sites.timezone,
    })
    .from(faultReports)
    .innerJoin(equipment, eq(equipment.id, faultReports.equipmentId))
    .innerJoin(sites, eq(sites.id, equipment.siteId))
    .where(eq(faultReports.id, id))
    .limit(1)
    .for("update", { of: faultReports });
  if (!report) throw notFound();
  if (report.status !== "new") throw new DomainError("conflict", "faultReportReviewed");
  return report;
}

/**
 * Accepts a new report (`maintenance.write`): plans a corrective intervention on its
 * equipment through the maintenance service (source `fault_report`; `plannedStart` is a
 * wall-clock time in the site's zone), links it, marks the report accepted. Audited as
 * `fault_report.accepted`. Returns the intervention's id and reference.
 */
export async function acceptFaultReport(
  tx: Executor,
  actor: Actor,
  input: z.output<typeof acceptFaultReportSchema>,
): Promise<{ id: string; interventionId: string; reference: string }> {
  assertCan(actor, "maintenance.write");
  const report = await lockNewReport(tx, input.id);
  const plannedStart = wallTimeToDate(input.plannedStart, knownZone(report.timezone));
  if (!plannedStart) throw new DomainError("validation_failed", "plannedStartInvalid", "plannedStart");
  const intervention = await createIntervention(tx, actor, {
    equipmentId: report.equipmentId,
    kind: "corrective",
    title: input.title,
    description: report.description,
    plannedStart,
    plannedDurationMinutes: input.plannedDurationMinutes,
    assignedTo: input.assignedTo ? input.assignedTo : null,
    source: "fault_report",
  });
  await tx
    .update(faultReports)
    .set({ status: "accepted", interventionId: intervention.id, reviewedBy: actorLabel(actor), reviewedAt: new Date() })
    .where(eq(faultReports.id, report.id));
  await recordAudit(tx, {
    actor,
    action: "fault_report.accepted",
    entityType: "fault_report",
    entityId: report.id,
    changes: { status: { old: "new", new: "accepted" }, interventionId: { old: null, new: intervention.id } },
  });
  return { id: report.id, interventionId: intervention.id, reference: intervention.reference };
}

/** Rejects a new report with a reason (`maintenance.write`), audited as `fault_report.rejected`. */
export async function rejectFaultReport(
  tx: Executor,
  actor: Actor,
  input: z.output<typeof rejectFaultReportSchema>,
): Promise<{ id: string }> {
  assertCan(actor, "maintenance.write");
  const report = await lockNewReport(tx, input.id);
  await tx
    .update(faultReports)
    .set({ status: "rejected", reviewedBy: actorLabel(actor), reviewedAt: new Date() })
    .where(eq(faultReports.id, report.id));
  await recordAudit(tx, {
    actor,
    action: "fault_report.rejected",
    entityType: "fault_report",
    entityId: report.id,
    changes: { status: { old: "new", new: "rejected" }, reason: { old: null, new: input.reason } },
  });
  return { id: report.id };
}
