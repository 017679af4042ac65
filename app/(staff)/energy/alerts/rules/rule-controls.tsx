"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { deleteAlertRuleAction, setAlertRuleEnabledAction } from "./actions";

/**
 * A rule's write controls (`alerts.manage`): enable or disable at once; delete after a
 * confirmation, offered only while the rule never raised an alert (otherwise disable it).
 */
export function RuleControls({ id, name, enabled, hasHistory }: { id: string; name: string; enabled: boolean; hasHistory: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const toggle = () =>
    start(async () => {
      const result = await setAlertRuleEnabledAction({ id, enabled: !enabled });
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
        aria-label={t(enabled ? "alerts.rules.disableRule" : "alerts.rules.enableRule", { name })}
        data-testid="toggle-rule"
      >
        {t(enabled ? "alerts.rules.disable" : "alerts.rules.enable")}
      </Button>
      {hasHistory ? null : (
        <ConfirmAction
          label={t("alerts.rules.delete")}
          question={t("alerts.rules.confirmDelete", { name })}
          action={() => deleteAlertRuleAction({ id })}
          onDone={() => router.refresh()}
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
