import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { MetricRuleDto } from "@/server/devops/alerts/rule-dto";
import { conditionText, severityTone } from "../alert-text";
import { RuleControls } from "./rule-controls";

const link = "font-semibold text-primary underline underline-offset-2";

/** The rules: condition, servers watched, status; write controls only for `monitoring.write`. */
export async function RulesTable({ rules, writable }: { rules: MetricRuleDto[]; writable: boolean }) {
  const t = await getTranslations("devops.alerts");
  const format = await getFormatter();
  const th = "px-3 py-2 text-start font-semibold whitespace-nowrap";
  const selectorText = (r: MetricRuleDto) => {
    const parts = [
      r.selector.tags ? t("rules.selectorTags", { tags: r.selector.tags.join(", ") }) : null,
      r.selector.environment ? t("rules.selectorEnvironment", { environment: t(`environments.${r.selector.environment}`) }) : null,
      r.selector.role ? t("rules.selectorRole", { role: r.selector.role }) : null,
    ].filter(Boolean);
    return parts.length > 0 ? parts.join(" · ") : t("rules.allServers");
  };
  return (
    <ScrollRegion label={t("rules.title")} className="rounded-lg border border-line bg-surface">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("rules.title")}</caption>
        <thead className="bg-surface-2">
          <tr>
            <th scope="col" className={th}>
              {t("rules.columns.rule")}
            </th>
            <th scope="col" className={th}>
              {t("rules.columns.servers")}
            </th>
            <th scope="col" className={th}>
              {t("rules.columns.status")}
            </th>
            {writable ? (
              <th scope="col" className={th}>
                {t("rules.columns.actions")}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rules.map((r) => (
            <tr key={r.id} data-testid="metric-rule" data-enabled={r.enabled}>
              <td className="px-3 py-2 align-top">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={severityTone[r.severity]}>{t(`severities.${r.severity}`)}</Badge>
                  {writable ? (
                    <Link href={`/devops/alerts/rules/${r.id}`} className={link} dir="auto">
                      {r.name}
                    </Link>
                  ) : (
                    <span className="font-semibold" dir="auto">
                      {r.name}
                    </span>
                  )}
                </div>
                <p className="mt-1 text-xs text-muted">{conditionText(t, format, r)}</p>
                {r.openIncident ? <p className="mt-1 text-xs text-muted">{t("rules.opensIncident")}</p> : null}
              </td>
              <td className="px-3 py-2 align-top">{selectorText(r)}</td>
              <td className="px-3 py-2 align-top">
                <div className="flex flex-wrap gap-1">
                  <Badge tone={r.enabled ? "success" : "neutral"}>{t(r.enabled ? "rules.enabled" : "rules.disabled")}</Badge>
                  {r.firing > 0 ? <Badge tone="danger">{t("rules.firingCount", { count: r.firing })}</Badge> : null}
                  {r.pending > 0 ? <Badge tone="warning">{t("rules.pendingCount", { count: r.pending })}</Badge> : null}
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
    </ScrollRegion>
  );
}
