import { getFormatter, getTranslations } from "next-intl/server";
import type { InterventionDto } from "@/server/energy/maintenance/intervention-dto";
import { InterventionEntry } from "./intervention-entry";

/** Seven day columns from 640 px (Monday first), stacked below; every intervention of the week listed. */
export async function WeekCalendar({ days, today, byDay }: { days: string[]; today: string; byDay: Map<string, InterventionDto[]> }) {
  const t = await getTranslations("energy.maintenance");
  const format = await getFormatter();
  const label = (day: string) =>
    format.dateTime(new Date(`${day}T12:00:00Z`), { weekday: "long", day: "numeric", month: "short", timeZone: "UTC" });
  return (
    <ol
      className="grid gap-3 sm:grid-cols-7 sm:gap-px sm:overflow-hidden sm:rounded-lg sm:border sm:border-line sm:bg-line"
      data-testid="week-grid"
    >
      {days.map((day) => {
        const items = byDay.get(day) ?? [];
        return (
          <li
            key={day}
            aria-current={day === today ? "date" : undefined}
            className={`min-w-0 space-y-1 rounded-lg border border-line bg-surface p-2 sm:min-h-64 sm:rounded-none sm:border-0 ${day === today ? "outline-2 -outline-offset-2 outline-primary" : ""}`}
          >
            <h3 className="text-sm font-semibold">{label(day)}</h3>
            {items.length === 0 ? (
              <p className="text-xs text-muted">{t("nothing")}</p>
            ) : (
              <ul className="space-y-1">
                {items.map((item) => (
                  <li key={item.id}>
                    <InterventionEntry item={item} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
