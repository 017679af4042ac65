import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import type { AlertRuleDto } from "@/server/energy/alerts/rules-query";
import { conditionText, severityTone, targetText } from "../alert-text";
import { RuleControls } from "./rule-controls";

const link = "font-semibold text-primary underline underline-offset-2";

/** The rules, by site then name; write controls only for `alerts.manage`. */
export async function RulesTable({ rules, writable }: { rules: AlertRuleDto[]; writable: boolean }) {
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <div className="relative overflow-x-auto rounded-lg border border-line bg-surface">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("alerts.rules.title")}</caption>
        <thead className="bg-surface-2">
          <tr>
            <th scope="col" className="px-3 py-2 text-start">
              {t("alerts.rules.columns.rule")}
            </th>
            <th scope="col" className="hidden px-3 py-2 text-start md:table-cell">
              {t("alerts.rules.columns.target")}
            </th>
            <th scope="col" className="px-3 py-2 text-start">
              {t("alerts.rules.columns.status")}
            </th>
            {writable ? (
              <th scope="col" className="px-3 py-2 text-start">
                {t("alerts.rules.columns.actions")}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rules.map((r) => (
            <tr key={r.id} data-testid="alert-rule" data-enabled={r.enabled}>
              <td className="px-3 py-2 align-top">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={severityTone[r.severity]}>{t(`alerts.severities.${r.severity}`)}</Badge>
                  {writable ? (
                    <Link href={`/energy/alerts/rules/${r.id}`} className={link}>
                      {r.name}
                    </Link>
                  ) : (
                    <span className="font-semibold">{r.name}</span>
                  )}
                </div>
                <p className="mt-1 text-xs text-muted">{conditionText(t, format, r)}</p>
                <p className="mt-1 text-xs text-muted md:hidden">
                  {r.siteName} · <span dir="auto">{targetText(t, r)}</span>
                </p>
              </td>
              <td className="hidden px-3 py-2 align-top md:table-cell">
                <div>{r.siteName}</div>
                <div className="text-xs text-muted" dir="auto">
                  {targetText(t, r)}
                </div>
              </td>
              <td className="px-3 py-2 align-top">
                <div className="flex flex-wrap gap-1">
                  <Badge tone={r.enabled ? "success" : "neutral"}>{t(r.enabled ? "alerts.rules.enabled" : "alerts.rules.disabled")}</Badge>
                  {r.openAlertId ? <Badge tone="danger">{t("alerts.rules.alertOpen")}</Badge> : null}
                </div>
              </td>
              {writable ? (
                <td className="px-3 py-2 align-top">
                  <RuleControls id={r.id} name={r.name} enabled={r.enabled} hasHistory={r.hasHistory} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
