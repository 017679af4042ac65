import "server-only";
import { asc, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { businessCalendars, calendarHolidays, slaPolicies } from "@/db/schema";
import type { WorkWindow } from "@/lib/devops/business-time";
import { assertCan, type Actor } from "@/server/auth/actor";
import type { SlaTargets } from "./sla-policy";

export type PolicyView = {
  id: string;
  name: string;
  isDefault: boolean;
  warnPercent: number;
  targets: SlaTargets;
  calendar: {
    id: string;
    code: string;
    name: string;
    country: string;
    timezone: string;
    hours: Record<string, WorkWindow[]>;
    holidays: { day: string; name: string }[];
  };
};

/** Every SLA policy with its calendar and holidays (`incidents.read`), the default first. */
export async function listPolicies(tx: Executor, actor: Actor): Promise<PolicyView[]> {
  assertCan(actor, "incidents.read");
  const rows = await tx
    .select({ policy: slaPolicies, calendar: businessCalendars })
    .from(slaPolicies)
    .innerJoin(businessCalendars, eq(businessCalendars.id, slaPolicies.calendarId))
    .orderBy(desc(slaPolicies.isDefault), asc(slaPolicies.name));
  const holidays = await tx.select().from(calendarHolidays).orderBy(asc(calendarHolidays.day));
  return rows.map(({ policy, calendar }) => ({
    id: policy.id,
    name: policy.name,
    isDefault: policy.isDefault,
    warnPercent: policy.warnPercent,
    targets: policy.targets as SlaTargets,
    calendar: {
      id: calendar.id,
      code: calendar.code,
      name: calendar.name,
      country: calendar.country,
      timezone: calendar.timezone,
      hours: calendar.hours as Record<string, WorkWindow[]>,
      holidays: holidays.filter((h) => h.calendarId === calendar.id).map((h) => ({ day: String(h.day), name: h.name })),
    },
  }));
}
