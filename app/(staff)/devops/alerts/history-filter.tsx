import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { alertInstanceStates } from "@/lib/devops/alert-states";

/** The history's state filter as a GET form: it lives in the URL. */
export async function HistoryFilter({ state }: { state?: string }) {
  const t = await getTranslations("devops.alerts.history");
  const states = await getTranslations("devops.alerts.states");
  return (
    <form role="search" action="/devops/alerts#history" aria-label={t("filterLabel")} className="flex flex-wrap items-end gap-3">
      <div className="min-w-40 flex-1 sm:flex-none">
        <label htmlFor="history-state" className="block text-xs font-semibold text-muted">
          {t("state")}
        </label>
        <select id="history-state" name="state" defaultValue={state ?? ""} className={inputClass}>
          <option value="">{t("allStates")}</option>
          {alertInstanceStates.map((s) => (
            <option key={s} value={s}>
              {states(s)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass("primary")}>
        {t("apply")}
      </button>
      {state ? (
        <Link href="/devops/alerts#history" className={buttonClass("ghost")}>
          {t("reset")}
        </Link>
      ) : null}
    </form>
  );
}
