import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { InterventionDto } from "@/server/energy/maintenance/intervention-dto";
import { InterventionEntry } from "./intervention-entry";

const perCell = 3;

const noon = (day: string) => new Date(`${day}T12:00:00Z`);

/**
 * The month as a 7-column grid (Monday first) from 640 px, an agenda of the days that have
 * interventions below. `moreHref(day)` lists a crowded day in full.
 */
export async function MonthCalendar({
  weeks,
  month,
  today,
  byDay,
  moreHref,
}: {
  weeks: string[][];
  month: string;
  today: string;
  byDay: Map<string, InterventionDto[]>;
  moreHref: (day: string) => string;
}) {
  const t = await getTranslations("energy.maintenance");
  const format = await getFormatter();
  const weekday = (day: string) => format.dateTime(noon(day), { weekday: "short", timeZone: "UTC" });
  const longDay = (day: string) => format.dateTime(noon(day), { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
  const agendaDays = weeks.flat().filter((d) => d.startsWith(month) && (byDay.get(d)?.length ?? 0) > 0);
  return (
    <div>
      <div className="hidden sm:block">
        <div aria-hidden="true" className="grid grid-cols-7 gap-px text-center text-xs font-semibold text-muted">
          {weeks[0]!.map((d) => (
            <div key={d} className="py-1">
              {weekday(d)}
            </div>
          ))}
        </div>
        <ol className="grid grid-cols-7 gap-px overflow-hidden rounded-lg border border-line bg-line" data-testid="month-grid">
          {weeks.flat().map((day) => {
            const items = byDay.get(day) ?? [];
            const outside = !day.startsWith(month);
            return (
              <li
                key={day}
                aria-current={day === today ? "date" : undefined}
                className={`min-h-28 min-w-0 space-y-1 p-1 ${outside ? "bg-surface-2" : "bg-surface"} ${day === today ? "outline-2 -outline-offset-2 outline-primary" : ""}`}
              >
                <p className={`text-xs font-semibold ${outside ? "text-muted" : ""}`}>
                  <span aria-hidden="true">{Number(day.slice(8))}</span>
                  <span className="sr-only">{longDay(day)}</span>
                </p>
                {items.length > 0 ? (
                  <ul className="space-y-1">
                    {items.slice(0, perCell).map((item) => (
                      <li key={item.id}>
                        <InterventionEntry item={item} showSite={false} />
                      </li>
                    ))}
                  </ul>
                ) : null}
                {items.length > perCell ? (
                  <Link href={moreHref(day)} className="block text-xs text-primary underline underline-offset-2">
                    {t("more", { count: items.length - perCell })}
                  </Link>
                ) : null}
              </li>
            );
          })}
        </ol>
      </div>
      <div className="sm:hidden" data-testid="month-agenda">
        {agendaDays.length === 0 ? (
          <p className="rounded-md border border-line bg-surface p-6 text-center text-muted">{t("empty")}</p>
        ) : (
          <ol className="space-y-4">
            {agendaDays.map((day) => (
              <li key={day} aria-current={day === today ? "date" : undefined}>
                <h3 className="mb-1 text-sm font-semibold">{longDay(day)}</h3>
                <ul className="space-y-1">
                  {(byDay.get(day) ?? []).map((item) => (
                    <li key={item.id}>
                      <InterventionEntry item={item} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
