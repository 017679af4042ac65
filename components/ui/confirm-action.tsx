"use client";

import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { Button } from "./button";

type Result = { ok: true; data: unknown } | { ok: false; messageKey: string };

/** The question asked before a destructive change, with Confirm and Cancel (an alert dialog). */
export function ConfirmDialog({
  question,
  onConfirm,
  onCancel,
  pending = false,
  variant = "danger",
  cancelLabel,
}: {
  question: string;
  onConfirm: () => void;
  onCancel: () => void;
  pending?: boolean;
  variant?: "danger" | "primary" | "secondary";
  cancelLabel?: string;
}) {
  const t = useTranslations("common");
  const id = useId();
  return (
    <div role="alertdialog" aria-labelledby={id} className="space-y-3 rounded-md border border-danger p-3">
      <p id={id} className="text-sm">
        {question}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant={variant} onClick={onConfirm} disabled={pending}>
          {t("confirm")}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {cancelLabel ?? t("cancel")}
        </Button>
      </div>
    </div>
  );
}

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
        <ConfirmDialog question={question} variant={variant} pending={pending} onConfirm={run} onCancel={() => setOpen(false)} />
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
