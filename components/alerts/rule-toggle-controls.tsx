"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";

type Result = { ok: true; data: unknown } | { ok: false; messageKey: string };

/**
 * An alert rule's write controls, shared by the energy threshold rules and the monitoring
 * rules: enable or disable at once; delete after a confirmation, offered only while the rule
 * never raised an alert (otherwise disable it). `messages` is the namespace holding enable,
 * disable, enableRule, disableRule, delete and confirmDelete; the actions check the caller.
 */
export function RuleToggleControls({
  id,
  name,
  enabled,
  hasHistory,
  afterDelete,
  messages,
  setEnabled,
  remove,
}: {
  id: string;
  name: string;
  enabled: boolean;
  hasHistory: boolean;
  afterDelete?: string;
  messages: "alerts.rules" | "devops.alerts.rules";
  setEnabled: (input: { id: string; enabled: boolean }) => Promise<Result>;
  remove: (input: { id: string }) => Promise<Result>;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const toggle = () =>
    start(async () => {
      const result = await setEnabled({ id, enabled: !enabled });
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
        aria-label={t(`${messages}.${enabled ? "disableRule" : "enableRule"}`, { name })}
        data-testid="toggle-rule"
      >
        {t(`${messages}.${enabled ? "disable" : "enable"}`)}
      </Button>
      {hasHistory ? null : (
        <ConfirmAction
          label={t(`${messages}.delete`)}
          question={t(`${messages}.confirmDelete`, { name })}
          action={() => remove({ id })}
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
