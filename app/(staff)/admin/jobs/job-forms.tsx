"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { retryJobAction, setScheduleEnabledAction } from "./actions";

type Result = { ok: true; data: unknown } | { ok: false; messageKey: string };

/** A one-click action that refreshes the page on success and announces an error. */
function ActionButton({
  label,
  ariaLabel,
  run,
  variant = "secondary",
}: {
  label: string;
  /** A longer accessible name; it starts with the visible label. */
  ariaLabel?: string;
  run: () => Promise<Result>;
  variant?: "primary" | "secondary";
}) {
  const t = useTranslations("errors");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const click = () =>
    start(async () => {
      const result = await run();
      if (result.ok) {
        setError(null);
        router.refresh();
      } else setError(t.has(result.messageKey) ? t(result.messageKey) : t("internal"));
    });
  return (
    <div className="space-y-1">
      <Button variant={variant} className="min-h-9 px-3 py-1" onClick={click} disabled={pending} aria-label={ariaLabel}>
        {label}
      </Button>
      {error ? (
        <p role="alert" className="text-xs text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function RetryJobButton({ id, kind }: { id: string; kind: string }) {
  const t = useTranslations("jobs");
  return <ActionButton label={t("retryNow")} ariaLabel={t("retryJob", { kind })} run={() => retryJobAction({ id })} />;
}

export function ScheduleToggle({ name, enabled }: { name: string; enabled: boolean }) {
  const t = useTranslations("jobs");
  return (
    <ActionButton
      label={enabled ? t("disableSchedule") : t("enableSchedule")}
      ariaLabel={t(enabled ? "disableScheduleNamed" : "enableScheduleNamed", { name })}
      variant={enabled ? "secondary" : "primary"}
      run={() => setScheduleEnabledAction({ name, enabled: !enabled })}
    />
  );
}
