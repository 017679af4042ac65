"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { acknowledgeAlertAction } from "./actions";

/** Acknowledges one firing alert; the list refreshes, an error is announced. */
export function AcknowledgeButton({ id, ruleName }: { id: string; ruleName: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = () =>
    start(async () => {
      const result = await acknowledgeAlertAction({ id });
      if (result.ok) {
        setError(null);
        router.refresh();
      } else setError(t.has(`errors.${result.messageKey}`) ? t(`errors.${result.messageKey}`) : t("errors.internal"));
    });
  return (
    <div className="space-y-1">
      <Button
        variant="secondary"
        onClick={run}
        disabled={pending}
        aria-label={t("alerts.acknowledgeRule", { rule: ruleName })}
        data-testid="acknowledge"
      >
        {t("alerts.acknowledge")}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
