import Link from "next/link";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { interventionFilters, listInterventionsQuery } from "@/lib/validation/maintenance";
import { requireUser } from "@/server/auth/guards";
import { dayIn } from "@/server/energy/equipment/dates";
import { listTechnicians } from "@/server/energy/maintenance/assignee";
import {
  byLocalDay,
  calendarViews,
  dayOrToday,
  monthWeeks,
  shiftDay,
  weekDays,
  type CalendarView,
} from "@/server/energy/maintenance/calendar";
import { calendarInterventions, listInterventions } from "@/server/energy/maintenance/interventions-query";
import { siteOptions } from "@/server/energy/maintenance/planning-options";
import { canManage } from "@/server/energy/maintenance/scope";
import { requireTemplate } from "@/server/platform/templates";
import { InterventionsTable } from "./interventions-table";
import { MonthCalendar } from "./month-calendar";
import { PlanningFilters, type PlanningFilterValues } from "./planning-filters";
import { WeekCalendar } from "./week-calendar";
import { CursorPagination } from "@/components/ui/cursor-pagination";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("energy.maintenance"))("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;
const filterKeys = ["site", "technician", "kind", "status", "from", "to", "overdue"] as const;

/**
 * The maintenance planning (`maintenance.read`): a month or week calendar (`view`, `date`,
 * filters `site` and `technician`), or the list with every filter, keyset pagination and,
 * for admins, CSV/PDF export. Everything is in the URL.
 */
export default async function MaintenancePage({ searchParams }: { searchParams: Search }) {
  requireTemplate("energy");
  const actor = await requireUser("maintenance.read");
  const t = await getTranslations("energy");
  const format = await getFormatter();
  const raw = Object.fromEntries(
    Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  );
  const view: CalendarView = (calendarViews as readonly string[]).includes(raw.view ?? "") ? (raw.view as CalendarView) : "month";
  const date = dayOrToday(raw.date);
  const today = dayIn();
  const db = await getDb();
  const sites = await siteOptions(db, actor);
  const technicians = await listTechnicians(db, actor);

  const values: PlanningFilterValues = Object.fromEntries(filterKeys.filter((k) => raw[k]).map((k) => [k, raw[k]]));
  if (view !== "list") for (const k of ["kind", "status", "from", "to", "overdue"] as const) delete values[k];
  const parsed = interventionFilters.safeParse(values);
  const errors: Record<string, string> = parsed.success
    ? {}
    : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "_"), i.message]));
  const keep = (extra: Record<string, string | undefined> = {}) =>
    new URLSearchParams(Object.entries({ ...values, ...extra }).filter((e): e is [string, string] => !!e[1]));
  const href = (v: CalendarView, d?: string) => `/energy/maintenance?${keep({ view: v, date: v === "list" ? undefined : d })}`;

  let body: React.ReactNode;
  let periodNav: React.ReactNode = null;
  if (view === "list") {
    const query = listInterventionsQuery.safeParse({ ...values, cursor: raw.cursor, limit: "25" });
    const result = query.success ? await listInterventions(db, actor, query.data) : null;
    const nextHref = result?.next_cursor ? `?${keep({ view, cursor: result.next_cursor })}` : null;
    const exportHref = (f: "csv" | "pdf") => `/api/export/maintenance?${keep({ format: f })}`;
    body = (
      <>
        {canManage(actor) ? (
          <div className="mb-3 flex flex-wrap gap-2">
            <a href={exportHref("csv")} className={buttonClass("secondary")} download>
              {t("maintenance.export.csv")}
            </a>
            <a href={exportHref("pdf")} className={buttonClass("secondary")} download>
              {t("maintenance.export.pdf")}
            </a>
          </div>
        ) : null}
        <InterventionsTable items={result?.data ?? []} />
        <CursorPagination className="mt-4 flex gap-3" firstHref={raw.cursor ? `?${keep({ view })}` : null} nextHref={nextHref} />
      </>
    );
  } else {
    const days = view === "month" ? monthWeeks(date) : [weekDays(date)];
    const from = days[0]![0]!;
    const to = days[days.length - 1]![6]!;
    const filters = parsed.success ? { site: parsed.data.site, technician: parsed.data.technician } : {};
    const byDay = byLocalDay(await calendarInterventions(db, actor, { ...filters, from, to }));
    const noon = (d: string) => new Date(`${d}T12:00:00Z`);
    const period =
      view === "month"
        ? format.dateTime(noon(date), { month: "long", year: "numeric", timeZone: "UTC" })
        : t("maintenance.weekOf", {
            from: format.dateTime(noon(from), { day: "numeric", month: "short", timeZone: "UTC" }),
            to: format.dateTime(noon(to), { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
          });
    periodNav = (
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold" id="period">
          {period}
        </h2>
        <nav aria-label={t("maintenance.periodNav")} className="flex flex-wrap gap-2">
          <Link href={href(view, shiftDay(view, date, -1))} className={buttonClass("secondary")}>
            {view === "month" ? t("maintenance.previousMonth") : t("maintenance.previousWeek")}
          </Link>
          <Link href={href(view, today)} className={buttonClass("secondary")}>
            {t("maintenance.today")}
          </Link>
          <Link href={href(view, shiftDay(view, date, 1))} className={buttonClass("secondary")}>
            {view === "month" ? t("maintenance.nextMonth") : t("maintenance.nextWeek")}
          </Link>
        </nav>
      </div>
    );
    body =
      view === "month" ? (
        <MonthCalendar
          weeks={days}
          month={date.slice(0, 7)}
          today={today}
          byDay={byDay}
          moreHref={(d) => `/energy/maintenance?${keep({ view: "list", from: d, to: d })}`}
        />
      ) : (
        <WeekCalendar days={days[0]!} today={today} byDay={byDay} />
      );
  }

  return (
    <div>
      <PageHeader
        title={t("maintenance.title")}
        description={t("maintenance.description")}
        actions={
          canManage(actor) ? (
            <Link href="/energy/maintenance/new" className={buttonClass("primary")}>
              {t("maintenance.create")}
            </Link>
          ) : undefined
        }
      />
      <nav aria-label={t("maintenance.views.label")} className="mb-4 flex flex-wrap gap-2">
        {calendarViews.map((v) => (
          <Link
            key={v}
            href={href(v, date)}
            aria-current={v === view ? "page" : undefined}
            className={buttonClass(v === view ? "primary" : "secondary")}
          >
            {t(`maintenance.views.${v}`)}
          </Link>
        ))}
      </nav>
      <PlanningFilters view={view} date={date} values={values} sites={sites} technicians={technicians} errors={errors} />
      {periodNav}
      {body}
    </div>
  );
}
