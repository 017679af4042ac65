import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { getDb } from "@/db/client";
import { weekdays } from "@/lib/devops/business-time";
import { severities } from "@/lib/devops/severity";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { listPolicies } from "@/server/devops/incidents/sla-policies-query";
import { requireTemplate } from "@/server/platform/templates";
import { HolidayForm, RemoveHoliday } from "./holiday-form";
import { PolicyForm } from "./policy-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("devops.sla"))("policies.title") };
}

/**
 * SLA policies with their targets per severity and their business calendars (working hours
 * per weekday, holidays). Managers (`incidents.manage`) edit targets and the warning
 * threshold, and add or remove holidays; every change is audited.
 */
export default async function SlaPoliciesPage() {
  requireTemplate("devops");
  const actor = await requireUser("incidents.read");
  const t = await getTranslations("devops");
  const format = await getFormatter();
  const policies = await listPolicies(await getDb(), actor);
  const manager = can(actor, "incidents.manage");
  // 4 January 2026 is a Sunday: weekday names in the reader's language.
  const weekdayName = (d: string) => format.dateTime(new Date(Date.UTC(2026, 0, 4 + Number(d), 12)), { weekday: "long", timeZone: "UTC" });
  const dayText = (day: string) => format.dateTime(new Date(`${day}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const duration = (minutes: number) => t("sla.policies.duration", { h: Math.floor(minutes / 60), m: minutes % 60 });
  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader
        title={t("sla.policies.title")}
        description={t("sla.policies.description")}
        actions={
          <Link href="/devops/sla" className={buttonClass("secondary")}>
            {t("sla.report.title")}
          </Link>
        }
      />
      {policies.length === 0 ? <p className="text-muted">{t("sla.policies.empty")}</p> : null}
      {policies.map((p) => (
        <Card
          key={p.id}
          title={
            <span className="flex flex-wrap items-center gap-2">
              {p.name}
              {p.isDefault ? <Badge tone="info">{t("sla.policies.default")}</Badge> : null}
            </span>
          }
        >
          <div className="grid gap-6 lg:grid-cols-2">
            <section aria-label={t("sla.policies.targets")} className="space-y-2">
              <h3 className="text-sm font-semibold">{t("sla.policies.targets")}</h3>
              {manager ? (
                <PolicyForm initial={{ id: p.id, warnPercent: p.warnPercent, targets: p.targets }} />
              ) : (
                <>
                  <ScrollRegion label={t("sla.policies.targets")}>
                    <table className="text-sm">
                      <caption className="sr-only">{t("sla.policies.targets")}</caption>
                      <thead>
                        <tr>
                          <th scope="col" className="px-2 py-1 text-start">
                            {t("incidents.fields.severity")}
                          </th>
                          <th scope="col" className="px-2 py-1 text-start">
                            {t("sla.policies.ackMinutes")}
                          </th>
                          <th scope="col" className="px-2 py-1 text-start">
                            {t("sla.policies.resolveMinutes")}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {severities.map((s) => (
                          <tr key={s}>
                            <th scope="row" className="px-2 py-1 text-start font-normal">
                              {t(`incidents.severity.${s}`)}
                            </th>
                            <td className="px-2 py-1">{duration(p.targets[s]?.ackMinutes ?? 0)}</td>
                            <td className="px-2 py-1">{duration(p.targets[s]?.resolveMinutes ?? 0)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </ScrollRegion>
                  <p className="text-sm">{t("sla.policies.warnAt", { percent: p.warnPercent })}</p>
                </>
              )}
              <p className="text-xs text-muted">{t("sla.policies.businessNote")}</p>
            </section>
            <section aria-label={t("sla.policies.calendar")} className="space-y-3">
              <h3 className="text-sm font-semibold">{t("sla.policies.calendar")}</h3>
              <p className="text-sm">
                {p.calendar.name} <span className="text-muted">({p.calendar.timezone})</span>
              </p>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                {weekdays.map((d) => (
                  <div key={d} className="contents">
                    <dt className="text-muted">{weekdayName(d)}</dt>
                    <dd dir="ltr" className="text-start">
                      {(p.calendar.hours[d] ?? []).length === 0
                        ? t("sla.policies.dayOff")
                        : (p.calendar.hours[d] ?? []).map(([from, to]) => `${from}–${to}`).join(", ")}
                    </dd>
                  </div>
                ))}
              </dl>
              <h4 className="text-sm font-semibold">{t("sla.policies.holidays", { count: p.calendar.holidays.length })}</h4>
              <ul
                className="max-h-80 space-y-1 overflow-y-auto text-sm"
                tabIndex={0}
                aria-label={t("sla.policies.holidays", { count: p.calendar.holidays.length })}
              >
                {p.calendar.holidays.map((h) => (
                  <li key={h.day} className="flex flex-wrap items-center justify-between gap-2">
                    <span>
                      <time dateTime={h.day}>{dayText(h.day)}</time> — {h.name}
                    </span>
                    {manager ? <RemoveHoliday calendarId={p.calendar.id} day={h.day} name={h.name} /> : null}
                  </li>
                ))}
              </ul>
              {manager ? <HolidayForm calendarId={p.calendar.id} /> : null}
            </section>
          </div>
        </Card>
      ))}
    </div>
  );
}
