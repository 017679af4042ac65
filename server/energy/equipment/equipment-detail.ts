import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog, equipment, interventions, sites, users } from "@/db/schema";
import { assertCan, type Actor } from "@/server/auth/actor";
import { notFound } from "@/server/platform/errors";

export type EquipmentInterventionDto = {
  id: string;
  reference: string;
  title: string;
  kind: string;
  status: string;
  plannedStart: string;
  completedAt: string | null;
  assigneeName: string | null;
};

/** The latest interventions on an equipment (by planned start, newest first). Needs `equipment.read`. */
export async function latestInterventions(
  db: Executor,
  actor: Actor,
  equipmentId: string,
  limit = 10,
): Promise<EquipmentInterventionDto[]> {
  assertCan(actor, "equipment.read");
  const rows = await db
    .select({
      id: interventions.id,
      reference: interventions.reference,
      title: interventions.title,
      kind: interventions.kind,
      status: interventions.status,
      plannedStart: interventions.plannedStart,
      completedAt: interventions.completedAt,
      assigneeName: users.name,
    })
    .from(interventions)
    .leftJoin(users, eq(users.id, interventions.assignedTo))
    .where(eq(interventions.equipmentId, equipmentId))
    .orderBy(desc(interventions.plannedStart), desc(interventions.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, plannedStart: r.plannedStart.toISOString(), completedAt: r.completedAt?.toISOString() ?? null }));
}

export type StateChangeDto = { at: string; from: string | null; to: string; reason: string | null; by: string | null };

/** State changes of an equipment, newest first, read from the audit trail. Needs `equipment.read`. */
export async function stateHistory(db: Executor, actor: Actor, equipmentId: string, limit = 20): Promise<StateChangeDto[]> {
  assertCan(actor, "equipment.read");
  const rows = await db
    .select({ at: auditLog.at, changes: auditLog.changes, by: auditLog.actorLabel })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "equipment"), eq(auditLog.entityId, equipmentId), eq(auditLog.action, "equipment.state_changed")))
    .orderBy(desc(auditLog.at))
    .limit(limit);
  return rows.flatMap((r) => {
    const changes = (r.changes ?? {}) as Record<string, { old?: unknown; new?: unknown } | undefined>;
    const to = changes.state?.new;
    if (typeof to !== "string") return [];
    const from = changes.state?.old;
    const reason = changes.reason?.new;
    return [
      {
        at: r.at.toISOString(),
        from: typeof from === "string" ? from : null,
        to,
        reason: typeof reason === "string" ? reason : null,
        by: r.by,
      },
    ];
  });
}

export type EquipmentLabel = { id: string; name: string; code: string; siteName: string; siteCode: string; qrToken: string };

/**
 * What a printed label shows. `code` is the equipment's short code: its serial number, or
 * the first 8 characters of its id when it has none. Needs `equipment.read`.
 */
export async function equipmentLabel(db: Executor, actor: Actor, id: string): Promise<EquipmentLabel> {
  assertCan(actor, "equipment.read");
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw notFound();
  const [row] = await db
    .select({
      id: equipment.id,
      name: equipment.name,
      serial: equipment.serialNumber,
      qrToken: equipment.qrToken,
      siteName: sites.name,
      siteCode: sites.code,
    })
    .from(equipment)
    .innerJoin(sites, eq(sites.id, equipment.siteId))
    .where(eq(equipment.id, id))
    .limit(1);
  if (!row) throw notFound();
  return {
    id: row.id,
    name: row.name,
    code: row.serial ?? row.id.slice(0, 8).toUpperCase(),
    siteName: row.siteName,
    siteCode: row.siteCode,
    qrToken: row.qrToken,
  };
}
