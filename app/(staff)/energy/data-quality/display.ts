import type { getFormatter } from "next-intl/server";

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/** How the page writes times (in the zone given: the meter's site, or the period's) and numbers. */
export function displayFormats(format: Formatter) {
  return {
    at: (date: Date, timeZone: string) => format.dateTime(date, { timeZone, dateStyle: "short", timeStyle: "short" }),
    day: (day: string) => format.dateTime(new Date(`${day}T12:00:00Z`), { timeZone: "UTC", dateStyle: "medium" }),
    count: (n: number) => format.number(n),
    value: (n: number) => format.number(n, { maximumFractionDigits: 3 }),
    share: (n: number) => format.number(n, { style: "percent", maximumFractionDigits: 2 }),
    hours: (minutes: number) => format.number(minutes / 60, { maximumFractionDigits: 2 }),
  };
}

export type Display = ReturnType<typeof displayFormats>;
