import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { interventionKinds, interventionStatuses } from "@/lib/validation/maintenance";
import type { TechnicianOption } from "@/server/energy/maintenance/assignee";
import type { SiteOption } from "@/server/energy/maintenance/planning-options";

export type PlanningFilterValues = Partial<Record<"site" | "technician" | "kind" | "status" | "from" | "to" | "overdue", string>>;

/**
 * The planning's filters as a GET form (everything lives in the URL). The calendar views
 * filter by site and technician; the list adds kind, status, period and overdue.
 */
export async function PlanningFilters({
  view,
  date,
  values,
  sites,
  technicians,
  errors,
}: {
  view: string;
  date: string;
  values: PlanningFilterValues;
  sites: SiteOption[];
  technicians: TechnicianOption[];
  errors: Record<string, string>;
}) {
  const t = await getTranslations("energy");
  const tv = await getTranslations("validation");
  const tc = await getTranslations("common");
  const list = view === "list";
  const label = (id: string, text: string) => (
    <label htmlFor={`f-${id}`} className="block text-xs font-semibold text-muted">
      {text}
    </label>
  );
  const error = (id: string) =>
    errors[id] ? (
      <p id={`f-${id}-error`} className="text-xs text-danger">
        {tv.has(errors[id]!) ? tv(errors[id]!) : tv("invalid")}
      </p>
    ) : null;
  return (
    <form
      role="search"
      action="/energy/maintenance"
      className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
      aria-label={t("maintenance.filters.label")}
    >
      <input type="hidden" name="view" value={view} />
      {list ? null : <input type="hidden" name="date" value={date} />}
      <div>
        {label("site", t("maintenance.filters.site"))}
        <select id="f-site" name="site" defaultValue={values.site ?? ""} className={inputClass}>
          <option value="">{t("maintenance.filters.allSites")}</option>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        {label("technician", t("maintenance.filters.technician"))}
        <select id="f-technician" name="technician" defaultValue={values.technician ?? ""} className={inputClass}>
          <option value="">{t("maintenance.filters.allTechnicians")}</option>
          {technicians.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      {list ? (
        <>
          <div>
            {label("kind", t("maintenance.filters.kind"))}
            <select id="f-kind" name="kind" defaultValue={values.kind ?? ""} className={inputClass}>
              <option value="">{t("maintenance.filters.allKinds")}</option>
              {interventionKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`interventionKinds.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            {label("status", t("maintenance.filters.status"))}
            <select id="f-status" name="status" defaultValue={values.status ?? ""} className={inputClass}>
              <option value="">{t("maintenance.filters.allStatuses")}</option>
              {interventionStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`interventionStatus.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            {label("from", t("maintenance.filters.from"))}
            <input
              id="f-from"
              name="from"
              type="date"
              defaultValue={values.from ?? ""}
              className={inputClass}
              aria-invalid={!!errors.from}
              aria-describedby={errors.from ? "f-from-error" : undefined}
            />
            {error("from")}
          </div>
          <div>
            {label("to", t("maintenance.filters.to"))}
            <input
              id="f-to"
              name="to"
              type="date"
              defaultValue={values.to ?? ""}
              className={inputClass}
              aria-invalid={!!errors.to}
              aria-describedby={errors.to ? "f-to-error" : undefined}
            />
            {error("to")}
          </div>
          <div className="flex items-end gap-2 pb-2">
            <input
              id="f-overdue"
              name="overdue"
              type="checkbox"
              value="true"
              defaultChecked={values.overdue === "true"}
              className="size-5"
            />
            <label htmlFor="f-overdue" className="text-sm">
              {t("maintenance.filters.overdueOnly")}
            </label>
          </div>
        </>
      ) : null}
      <div className="flex items-end">
        <button type="submit" className={buttonClass("secondary", "w-full sm:w-auto")}>
          {tc("filter")}
        </button>
      </div>
    </form>
  );
}
