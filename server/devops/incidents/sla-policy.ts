import "server-only";
import { asc, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { businessCalendars, calendarHolidays, servers, slaPolicies } from "@/db/schema";
import type { BusinessCalendar, WorkWindow } from "@/lib/devops/business-time";
import type { Severity } from "@/lib/devops/severity";

export type SlaTargets = Record<Severity, { ackMinutes: number; resolveMinutes: number }>;
export type LoadedPolicy = {
  id: string;
  name: string;
  warnPercent: number;
  targets: SlaTargets;
  calendarId: string;
  country: string;
  calendar: BusinessCalendar;
};

/** A calendar row and its holidays as the pure business-time calendar. */
export async function loadCalendar(tx: Executor, calendarId: string): Promise<BusinessCalendar & { country: string }> {
  const [cal] = await tx.select().from(businessCalendars).where(eq(businessCalendars.id, calendarId)).limit(1);
  if (!cal) throw new Error(`business calendar ${calendarId} not found`);
  const days = await tx.select({ day: calendarHolidays.day }).from(calendarHolidays).where(eq(calendarHolidays.calendarId, calendarId));
  return {
    timezone: cal.timezone,
    country: cal.country,
    hours: cal.hours as Record<string, WorkWindow[]>,
    holidays: new Set(days.map((d) => String(d.day))),
  };
}

/** A policy with its calendar; null when the id is null or unknown. */
export async function loadPolicy(tx: Executor, policyId: string | null): Promise<LoadedPolicy | null> {
  if (!policyId) return null;
  const [p] = await tx.select().from(slaPolicies).where(eq(slaPolicies.id, policyId)).limit(1);
  if (!p) return null;
  const calendar = await loadCalendar(tx, p.calendarId);
  return {
    id: p.id,
    name: p.name,
    warnPercent: p.warnPercent,
    targets: p.targets as SlaTargets,
    calendarId: p.calendarId,
    country: calendar.country,
    calendar,
  };
}

/**
 * The SLA policy of a new incident: the one whose calendar is in the country of the first
 * related server, else the default policy (else the oldest; null when none exists).
 */
export async function pickPolicy(tx: Executor, serverIds: string[]): Promise<LoadedPolicy | null> {
  const all = await tx
    .select({ id: slaPolicies.id, isDefault: slaPolicies.isDefault, country: businessCalendars.country })
    .from(slaPolicies)
    .innerJoin(businessCalendars, eq(businessCalendars.id, slaPolicies.calendarId))
    .orderBy(desc(slaPolicies.isDefault), asc(slaPolicies.createdAt));
  if (all.length === 0) return null;
  if (serverIds.length > 0) {
    const rows = await tx.select({ id: servers.id, country: servers.country }).from(servers).where(inArray(servers.id, serverIds));
    const first = rows.find((r) => r.id === serverIds[0]);
    const match = first && all.find((p) => p.country === first.country);
    if (match) return loadPolicy(tx, match.id);
  }
  return loadPolicy(tx, all[0]!.id);
}

/** Target seconds of a severity's clocks (0 when the policy has no target for it). */
export function targetSeconds(policy: LoadedPolicy, severity: Severity): { ack: number; resolve: number } {
  const t = policy.targets[severity];
  return { ack: (t?.ackMinutes ?? 0) * 60, resolve: (t?.resolveMinutes ?? 0) * 60 };
}
