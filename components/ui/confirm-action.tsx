"use client";

import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { Button } from "./button";

type Result = { ok: true; data: unknown } | { ok: false; messageKey: string };

/**
 * A button that asks before it acts: the first click shows the question with Confirm and
 * Cancel; the action's error (an `errors` key) is announced.
 */
export function ConfirmAction({
  label,
  question,
  action,
  onDone,
  variant = "danger",
}: {
  label: string;
  question: string;
  action: () => Promise<Result>;
  onDone?: (data: unknown) => void;
  variant?: "danger" | "primary" | "secondary";
}) {
  const t = useTranslations();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = () =>
    start(async () => {
      const result = await action();
      setOpen(false);
      if (result.ok) {
        setError(null);
        onDone?.(result.data);
      } else setError(t.has(`errors.${result.messageKey}`) ? t(`errors.${result.messageKey}`) : t("errors.internal"));
    });
  return (
    <div className="space-y-2">
      {open ? (
        <div role="alertdialog" aria-labelledby={id} className="space-y-2 rounded-md border border-danger p-3">
          <p id={id} className="text-sm">
            {question}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button variant={variant} onClick={run} disabled={pending}>
              {t("common.confirm")}
            </Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t("common.cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <Button variant={variant === "danger" ? "secondary" : variant} onClick={() => setOpen(true)}>
          {label}
        </Button>
      )}
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
