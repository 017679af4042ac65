import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { businessCalendars, calendarHolidays, slaPolicies } from "@/db/schema";
import type { UpdatePolicy } from "@/lib/validation/incidents";
import { assertCan, type Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/platform/audit";
import { DomainError, notFound } from "@/server/platform/errors";
import { isUuid } from "@/server/platform/ids";

/**
 * Changes a policy's targets and warning threshold (`incidents.manage`), audited
 * `sla_policy.updated`. Deadlines already snapshotted on incidents do not move: new targets
 * apply to incidents opened (or re-graded) afterwards.
 */
export async function updatePolicy(tx: Executor, actor: Actor, input: UpdatePolicy): Promise<void> {
  assertCan(actor, "incidents.manage");
  if (!isUuid(input.id)) throw notFound();
  const [before] = await tx.select().from(slaPolicies).where(eq(slaPolicies.id, input.id)).limit(1).for("update");
  if (!before) throw notFound();
  for (const [sev, t] of Object.entries(input.targets)) {
    if (t.resolveMinutes < t.ackMinutes) throw new DomainError("validation_failed", "slaResolveBeforeAck", `targets.${sev}.resolveMinutes`);
  }
  await tx.update(slaPolicies).set({ targets: input.targets, warnPercent: input.warnPercent }).where(eq(slaPolicies.id, input.id));
  await recordAudit(tx, {
    actor,
    action: "sla_policy.updated",
    entityType: "sla_policy",
    entityId: input.id,
    changes: {
      targets: { old: before.targets, new: input.targets },
      warnPercent: { old: before.warnPercent, new: input.warnPercent },
    },
  });
}

async function assertCalendar(tx: Executor, calendarId: string): Promise<void> {
  if (!isUuid(calendarId)) throw notFound();
  const [cal] = await tx.select({ id: businessCalendars.id }).from(businessCalendars).where(eq(businessCalendars.id, calendarId));
  if (!cal) throw notFound();
}

/** Adds a holiday to a calendar (`incidents.manage`; the same day twice → 409), audited `business_calendar.holiday_added`. */
export async function addHoliday(tx: Executor, actor: Actor, input: { calendarId: string; day: string; name: string }): Promise<void> {
  assertCan(actor, "incidents.manage");
  await assertCalendar(tx, input.calendarId);
  const [row] = await tx
    .insert(calendarHolidays)
    .values({ calendarId: input.calendarId, day: input.day, name: input.name.normalize("NFC") })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new DomainError("conflict", "slaHolidayExists", "day");
  await recordAudit(tx, {
    actor,
    action: "business_calendar.holiday_added",
    entityType: "business_calendar",
    entityId: input.calendarId,
    changes: { holiday: { old: null, new: { day: input.day, name: row.name } } },
  });
}

/** Removes a holiday (`incidents.manage`; unknown → 404), audited `business_calendar.holiday_removed`. */
export async function removeHoliday(tx: Executor, actor: Actor, input: { calendarId: string; day: string }): Promise<void> {
  assertCan(actor, "incidents.manage");
  await assertCalendar(tx, input.calendarId);
  const [row] = await tx
    .delete(calendarHolidays)
    .where(and(eq(calendarHolidays.calendarId, input.calendarId), eq(calendarHolidays.day, input.day)))
    .returning();
  if (!row) throw notFound();
  await recordAudit(tx, {
    actor,
    action: "business_calendar.holiday_removed",
    entityType: "business_calendar",
    entityId: input.calendarId,
    changes: { holiday: { old: { day: input.day, name: row.name }, new: null } },
  });
}
