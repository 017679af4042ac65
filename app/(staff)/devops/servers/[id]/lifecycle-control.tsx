"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-action";
import { inputClass } from "@/components/ui/field";
import type { ServerStatus } from "@/lib/devops/server-lifecycle";
import { serverTransitionSchema } from "@/lib/validation/servers";
import { transitionServerAction } from "../actions";

/**
 * One button per allowed move. A move asks its reason, then a confirmation (decommissioning
 * says it is final and revokes the agent tokens).
 */
export function LifecycleControl({ id, allowed }: { id: string; allowed: ServerStatus[] }) {
  const t = useTranslations("devops.servers");
  const tErrors = useTranslations("errors");
  const fieldError = useFieldError();
  const router = useRouter();
  const uid = useId();
  const [target, setTarget] = useState<ServerStatus | null>(null);
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (allowed.length === 0) return <p className="text-sm text-muted">{t("lifecycle.final")}</p>;

  const choose = (status: ServerStatus) => {
    setTarget(status);
    setConfirming(false);
    setReasonError(undefined);
    setError(null);
    setDone(null);
  };
  const ask = () => {
    const parsed = serverTransitionSchema.safeParse({ status: target, reason });
    if (!parsed.success) return setReasonError(fieldError(parsed.error.issues[0]?.message));
    setReasonError(undefined);
    setConfirming(true);
  };
  const apply = () =>
    start(async () => {
      if (!target) return;
      const result = await transitionServerAction({ id, change: { status: target, reason } });
      setConfirming(false);
      if (!result.ok) {
        setError(tErrors.has(result.messageKey) ? tErrors(result.messageKey) : tErrors("internal"));
        return;
      }
      setDone(t("lifecycle.changed", { status: t(`statuses.${target}`) }));
      setTarget(null);
      setReason("");
      router.refresh();
    });
  const reasonId = `${uid}-reason`;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2" role="group" aria-label={t("lifecycle.moves")}>
        {allowed.map((s) => (
          <Button key={s} variant={s === "decommissioned" ? "secondary" : "primary"} aria-pressed={target === s} onClick={() => choose(s)}>
            {t(`lifecycle.to.${s}`)}
          </Button>
        ))}
      </div>
      {target ? (
        <div className="space-y-3 rounded-md border border-line p-3">
          <div className="space-y-1">
            <label htmlFor={reasonId} className="block text-sm font-semibold">
              {t("lifecycle.reason", { status: t(`statuses.${target}`) })}
            </label>
            <textarea
              id={reasonId}
              rows={2}
              maxLength={500}
              className={inputClass}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={!!reasonError}
              aria-describedby={reasonError ? `${reasonId}-error` : undefined}
            />
            {reasonError ? (
              <p id={`${reasonId}-error`} role="alert" className="text-sm text-danger">
                {reasonError}
              </p>
            ) : null}
          </div>
          {confirming ? (
            <ConfirmDialog
              question={
                target === "decommissioned"
                  ? t("lifecycle.confirmDecommission")
                  : t("lifecycle.confirm", { status: t(`statuses.${target}`) })
              }
              variant={target === "decommissioned" ? "danger" : "primary"}
              pending={pending}
              onConfirm={apply}
              onCancel={() => setConfirming(false)}
            />
          ) : (
            <div className="flex flex-wrap gap-2">
              <Button onClick={ask}>{t("lifecycle.apply")}</Button>
              <Button variant="secondary" onClick={() => setTarget(null)}>
                {t("lifecycle.cancel")}
              </Button>
            </div>
          )}
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="text-sm text-success">
          {done}
        </p>
      ) : null}
    </div>
  );
}
