import "server-only";
import { energyTimeZone } from "@/server/energy/equipment/dates";

/** A zone Intl knows, else Africa/Algiers (a site's zone is free text in the database). */
export function safeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return energyTimeZone;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    return energyTimeZone;
  }
}

/** The wall-clock day and time of an instant in a zone: `{ day: "2026-12-01", time: "08:00" }`. */
export function wallClock(at: Date, timeZone: string): { day: string; time: string } {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: safeZone(timeZone),
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return { day: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
}

/** `YYYY-MM-DDTHH:mm` in the zone: the value of a datetime-local field. */
export function wallClockInput(at: Date, timeZone: string): string {
  const { day, time } = wallClock(at, timeZone);
  return `${day}T${time}`;
}
