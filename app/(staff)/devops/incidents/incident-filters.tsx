import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { incidentStatuses } from "@/lib/devops/incident-status";
import { severities } from "@/lib/devops/severity";

export type IncidentFilterValues = { status?: string; severity?: string; assignee?: string; q?: string; breached?: string };

/** Status, severity, assignee, text and "breached" filters as a GET form: everything lives in the URL. */
export async function IncidentFilters({
  values,
  assignees,
}: {
  values: IncidentFilterValues;
  /** Managers' choice of assignee; null for readers who only see their own incidents. */
  assignees: { id: string; name: string }[] | null;
}) {
  const t = await getTranslations("devops.incidents");
  const label = "block text-xs font-semibold text-muted";
  const active = Object.values(values).some(Boolean);
  return (
    <form role="search" action="/devops/incidents" aria-label={t("filters.label")} className="mb-6 flex flex-wrap items-end gap-3">
      <div className="min-w-40 flex-1 sm:flex-none">
        <label htmlFor="f-q" className={label}>
          {t("filters.q")}
        </label>
        <input id="f-q" name="q" type="search" defaultValue={values.q ?? ""} className={inputClass} />
      </div>
      <div className="min-w-36 flex-1 sm:flex-none">
        <label htmlFor="f-status" className={label}>
          {t("filters.status")}
        </label>
        <select id="f-status" name="status" defaultValue={values.status ?? ""} className={inputClass}>
          <option value="">{t("filters.allStatuses")}</option>
          <option value="open">{t("filters.open")}</option>
          {incidentStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-32 flex-1 sm:flex-none">
        <label htmlFor="f-severity" className={label}>
          {t("filters.severity")}
        </label>
        <select id="f-severity" name="severity" defaultValue={values.severity ?? ""} className={inputClass}>
          <option value="">{t("filters.allSeverities")}</option>
          {severities.map((s) => (
            <option key={s} value={s}>
              {t(`severity.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {assignees ? (
        <div className="min-w-40 flex-1 sm:flex-none">
          <label htmlFor="f-assignee" className={label}>
            {t("filters.assignee")}
          </label>
          <select id="f-assignee" name="assignee" defaultValue={values.assignee ?? ""} className={inputClass}>
            <option value="">{t("filters.anyAssignee")}</option>
            <option value="me">{t("filters.me")}</option>
            <option value="none">{t("filters.unassigned")}</option>
            {assignees.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="min-w-32 flex-1 sm:flex-none">
        <label htmlFor="f-breached" className={label}>
          {t("filters.sla")}
        </label>
        <select id="f-breached" name="breached" defaultValue={values.breached ?? ""} className={inputClass}>
          <option value="">{t("filters.anySla")}</option>
          <option value="1">{t("filters.breached")}</option>
          <option value="0">{t("filters.notBreached")}</option>
        </select>
      </div>
      <button type="submit" className={buttonClass("primary")}>
        {t("filters.apply")}
      </button>
      {active ? (
        <Link href="/devops/incidents" className={buttonClass("ghost")}>
          {t("filters.reset")}
        </Link>
      ) : null}
    </form>
  );
}
