"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { deleteMetricRuleAction, setMetricRuleEnabledAction } from "./actions";

/**
 * A rule's write controls (`monitoring.write`): enable or disable at once; delete after a
 * confirmation, offered only while the rule never raised an alert (otherwise disable it).
 */
export function RuleControls({
  id,
  name,
  enabled,
  hasHistory,
  afterDelete,
}: {
  id: string;
  name: string;
  enabled: boolean;
  hasHistory: boolean;
  afterDelete?: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const toggle = () =>
    start(async () => {
      const result = await setMetricRuleEnabledAction({ id, enabled: !enabled });
      if (result.ok) {
        setError(null);
        router.refresh();
      } else setError(t.has(`errors.${result.messageKey}`) ? t(`errors.${result.messageKey}`) : t("errors.internal"));
    });
  return (
    <div className="flex flex-wrap items-start gap-2">
      <Button
        variant="secondary"
        onClick={toggle}
        disabled={pending}
        aria-label={t(enabled ? "devops.alerts.rules.disableRule" : "devops.alerts.rules.enableRule", { name })}
        data-testid="toggle-rule"
      >
        {t(enabled ? "devops.alerts.rules.disable" : "devops.alerts.rules.enable")}
      </Button>
      {hasHistory ? null : (
        <ConfirmAction
          label={t("devops.alerts.rules.delete")}
          question={t("devops.alerts.rules.confirmDelete", { name })}
          action={() => deleteMetricRuleAction({ id })}
          onDone={() => {
            if (afterDelete) router.push(afterDelete);
            router.refresh();
          }}
        />
      )}
      {error ? (
        <p role="alert" className="w-full text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
