import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { businessCalendars, calendarHolidays, slaPolicies } from "@/db/schema";

/**
 * SLA reference data every installation needs (devops-domain.md §3.6): three business
 * calendars (Algeria, Morocco, France) with their 2026–2027 holidays, and one SLA policy per
 * calendar with the GLPI presets — sev1 15 min / 4 h, sev2 30 min / 8 h, sev3 2 h / 24 h,
 * sev4 4 h / 72 h, warning at 80 %. The Algerian policy is the default.
 *
 * All clocks, sev1 included, count business time on the policy's calendar (the schema has no
 * "24/7" flag per severity): a sev1 opened on a Friday in Algiers is due on Sunday. Admins
 * change the targets and the holidays on /devops/sla/policies.
 *
 * Hijri holidays follow the lunar calendar and are announced a few days ahead: the dates
 * here are astronomical estimates, marked "(date estimée)" in their name, to confirm yearly.
 *
 * Idempotent, run at every start: a calendar that exists already is left as it is (its
 * hours, holidays and policy may have been edited), so nothing an admin changed is undone.
 */

type Hours = Record<string, [string, string][]>;
type CalendarSeed = {
  code: string;
  name: string;
  country: string;
  timezone: string;
  hours: Hours;
  holidays: [string, string][];
  policy: string;
  isDefault: boolean;
};

const days = (list: number[], windows: [string, string][]): Hours => Object.fromEntries(list.map((d) => [String(d), windows]));
const est = (name: string) => `${name} (date estimée)`;
const both = (f: (y: number) => [string, string][]) => [...f(2026), ...f(2027)];

const hijri = {
  2026: {
    fitr: "2026-03-20",
    fitr2: "2026-03-21",
    adha: "2026-05-27",
    adha2: "2026-05-28",
    muharram: "2026-06-16",
    ashura: "2026-06-25",
    mawlid: "2026-08-25",
  },
  2027: {
    fitr: "2027-03-10",
    fitr2: "2027-03-11",
    adha: "2027-05-16",
    adha2: "2027-05-17",
    muharram: "2027-06-06",
    ashura: "2027-06-15",
    mawlid: "2027-08-14",
  },
} as const;

const islamicHolidays = (y: 2026 | 2027, ashura: boolean): [string, string][] => {
  const h = hijri[y];
  return [
    [h.fitr, est("Aïd el-Fitr")],
    [h.fitr2, est("Aïd el-Fitr, 2e jour")],
    [h.adha, est("Aïd el-Adha")],
    [h.adha2, est("Aïd el-Adha, 2e jour")],
    [h.muharram, est("1er Moharram, Nouvel An de l’Hégire")],
    ...(ashura ? ([[h.ashura, est("Achoura")]] as [string, string][]) : []),
    [h.mawlid, est("Mawlid Ennabaoui")],
  ];
};

/** Easter Sunday (anonymous Gregorian algorithm), as "YYYY-MM-DD" plus an offset in days. */
export function easterPlus(year: number, offset: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day + offset)).toISOString().slice(0, 10);
}

export const calendarSeeds: CalendarSeed[] = [
  {
    code: "DZ",
    name: "Algérie — dimanche au jeudi, 08:00–12:00 et 13:00–16:30",
    country: "DZ",
    timezone: "Africa/Algiers",
    hours: days(
      [0, 1, 2, 3, 4],
      [
        ["08:00", "12:00"],
        ["13:00", "16:30"],
      ],
    ),
    holidays: both((y) => [
      [`${y}-01-01`, "Jour de l’An"],
      [`${y}-01-12`, "Yennayer, Nouvel An amazigh"],
      [`${y}-05-01`, "Fête du Travail"],
      [`${y}-07-05`, "Fête de l’Indépendance"],
      [`${y}-11-01`, "Anniversaire du déclenchement de la Révolution"],
      ...islamicHolidays(y as 2026 | 2027, true),
    ]),
    policy: "SLA Algérie",
    isDefault: true,
  },
  {
    code: "MA",
    name: "Maroc — lundi au vendredi, 08:30–12:30 et 14:00–18:00",
    country: "MA",
    timezone: "Africa/Casablanca",
    hours: days(
      [1, 2, 3, 4, 5],
      [
        ["08:30", "12:30"],
        ["14:00", "18:00"],
      ],
    ),
    holidays: both((y) => [
      [`${y}-01-01`, "Jour de l’An"],
      [`${y}-01-11`, "Manifeste de l’Indépendance"],
      [`${y}-01-14`, "Yennayer, Nouvel An amazigh"],
      [`${y}-05-01`, "Fête du Travail"],
      [`${y}-07-30`, "Fête du Trône"],
      [`${y}-08-14`, "Allégeance Oued Eddahab"],
      [`${y}-08-20`, "Révolution du Roi et du Peuple"],
      [`${y}-08-21`, "Fête de la Jeunesse"],
      [`${y}-11-06`, "Marche Verte"],
      [`${y}-11-18`, "Fête de l’Indépendance"],
      ...islamicHolidays(y as 2026 | 2027, false),
    ]),
    policy: "SLA Maroc",
    isDefault: false,
  },
  {
    code: "FR",
    name: "France — lundi au vendredi, 09:00–18:00",
    country: "FR",
    timezone: "Europe/Paris",
    hours: days([1, 2, 3, 4, 5], [["09:00", "18:00"]]),
    holidays: both((y) => [
      [`${y}-01-01`, "Jour de l’An"],
      [easterPlus(y, 1), "Lundi de Pâques"],
      [`${y}-05-01`, "Fête du Travail"],
      [`${y}-05-08`, "Victoire 1945"],
      [easterPlus(y, 39), "Ascension"],
      [easterPlus(y, 50), "Lundi de Pentecôte"],
      [`${y}-07-14`, "Fête nationale"],
      [`${y}-08-15`, "Assomption"],
      [`${y}-11-01`, "Toussaint"],
      [`${y}-11-11`, "Armistice 1918"],
      [`${y}-12-25`, "Noël"],
    ]),
    policy: "SLA France",
    isDefault: false,
  },
];

/** GLPI presets in minutes (devops-domain.md §3.6). */
export const presetTargets = {
  sev1: { ackMinutes: 15, resolveMinutes: 4 * 60 },
  sev2: { ackMinutes: 30, resolveMinutes: 8 * 60 },
  sev3: { ackMinutes: 2 * 60, resolveMinutes: 24 * 60 },
  sev4: { ackMinutes: 4 * 60, resolveMinutes: 72 * 60 },
};

/** Creates the missing calendars with their holidays and policy; returns how many were created. */
export async function seedSlaReference(tx: Tx): Promise<number> {
  let created = 0;
  for (const seed of calendarSeeds) {
    const [calendar] = await tx
      .insert(businessCalendars)
      .values({ code: seed.code, name: seed.name, country: seed.country, timezone: seed.timezone, hours: seed.hours })
      .onConflictDoNothing({ target: businessCalendars.code })
      .returning({ id: businessCalendars.id });
    if (!calendar) continue;
    created++;
    await tx
      .insert(calendarHolidays)
      .values(seed.holidays.map(([day, name]) => ({ calendarId: calendar.id, day, name })))
      .onConflictDoNothing();
    const [hasDefault] = await tx.select({ id: slaPolicies.id }).from(slaPolicies).where(eq(slaPolicies.isDefault, true)).limit(1);
    await tx.insert(slaPolicies).values({
      name: seed.policy,
      calendarId: calendar.id,
      targets: presetTargets,
      warnPercent: 80,
      isDefault: seed.isDefault && !hasDefault,
    });
  }
  return created;
}
