import "server-only";
import { addDays, dayIn } from "@/server/energy/equipment/dates";
import type { InterventionDto } from "./intervention-dto";
import { wallClock } from "./site-time";

export const calendarViews = ["month", "week", "list"] as const;
export type CalendarView = (typeof calendarViews)[number];

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** A valid `YYYY-MM-DD` (a real calendar day), else today in Africa/Algiers. */
export function dayOrToday(value: string | undefined): string {
  if (value && dayPattern.test(value)) {
    const [y, m, d] = value.split("-").map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d) return value;
  }
  return dayIn();
}

/** 0 = Monday … 6 = Sunday (weeks start on Monday, ISO 8601). */
function weekdayOf(day: string): number {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

export function weekStart(day: string): string {
  return addDays(day, -weekdayOf(day));
}

/** The seven days of the week holding `day`, Monday first. */
export function weekDays(day: string): string[] {
  const start = weekStart(day);
  return Array.from({ length: 7 }, (_, i) => addDays(start, i));
}

/** The month of `day` as whole weeks (Monday to Sunday), days of neighbouring months included. */
export function monthWeeks(day: string): string[][] {
  const first = `${day.slice(0, 7)}-01`;
  const weeks: string[][] = [];
  let start = weekStart(first);
  do {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(start, i)));
    start = addDays(start, 7);
  } while (start.slice(0, 7) === first.slice(0, 7));
  return weeks;
}

/** The same view one period earlier (-1) or later (+1). */
export function shiftDay(view: CalendarView, day: string, delta: -1 | 1): string {
  if (view === "week") return addDays(day, 7 * delta);
  const [y, m] = day.split("-").map(Number) as [number, number];
  const date = new Date(Date.UTC(y, m - 1 + delta, 1));
  return date.toISOString().slice(0, 10);
}

/** Interventions by the day of their planned start on their site's clock. */
export function byLocalDay(items: InterventionDto[]): Map<string, InterventionDto[]> {
  const days = new Map<string, InterventionDto[]>();
  for (const item of items) {
    const { day } = wallClock(new Date(item.plannedStart), item.siteTimezone);
    const list = days.get(day) ?? [];
    list.push(item);
    days.set(day, list);
  }
  return days;
}
