"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { inputClass } from "@/components/ui/field";
import { severities } from "@/lib/devops/severity";
import { assignIncidentAction, changeSeverityAction, pauseIncidentAction, transitionIncidentAction } from "../actions";

type Result = { ok: true; data: unknown } | { ok: false; messageKey: string };

/** Runs one action, refreshes the page on success, keeps the translated error otherwise. */
function useRun() {
  const t = useTranslations();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = (action: () => Promise<Result>) =>
    start(async () => {
      const result = await action();
      if (result.ok) {
        setError(null);
        router.refresh();
      } else setError(t.has(`errors.${result.messageKey}`) ? t(`errors.${result.messageKey}`) : t("errors.internal"));
    });
  return { run, pending, error };
}

function ErrorText({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="text-sm text-danger">
      {error}
    </p>
  ) : null;
}

/**
 * Managers' controls: the allowed status moves (with an optional note), waiting on the
 * requester (pause/resume), severity and assignee.
 */
export function IncidentActionsForm({
  id,
  transitions,
  paused,
  canPause,
  severity,
  assigneeId,
  assignees,
}: {
  id: string;
  transitions: string[];
  paused: boolean;
  canPause: boolean;
  severity: string;
  assigneeId: string | null;
  assignees: { id: string; name: string }[];
}) {
  const t = useTranslations("devops.incidents");
  const router = useRouter();
  const uid = useId();
  const moves = useRun();
  const other = useRun();
  const [note, setNote] = useState("");
  const [sev, setSev] = useState(severity);
  const [assignee, setAssignee] = useState(assigneeId ?? "");
  const move = (to: string) => () => transitionIncidentAction({ id, to, note: note || undefined });
  return (
    <div className="space-y-4">
      {transitions.length > 0 ? (
        <div className="space-y-2">
          <label htmlFor={`${uid}-note`} className="block text-sm font-semibold">
            {t("actions.note")}
          </label>
          <input id={`${uid}-note`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} className={inputClass} />
          <div className="flex flex-wrap gap-2">
            {transitions.map((to) =>
              to === "cancelled" ? (
                <ConfirmAction
                  key={to}
                  label={t("actions.to.cancelled")}
                  question={t("actions.cancelQuestion")}
                  action={move(to)}
                  onDone={() => router.refresh()}
                />
              ) : (
                <Button
                  key={to}
                  variant={to === "acknowledged" || to === "resolved" ? "primary" : "secondary"}
                  disabled={moves.pending}
                  onClick={() => moves.run(move(to))}
                  data-testid={`to-${to}`}
                >
                  {t(`actions.to.${to}`)}
                </Button>
              ),
            )}
          </div>
          <ErrorText error={moves.error} />
        </div>
      ) : null}
      <div className="flex flex-wrap items-end gap-3">
        {canPause || paused ? (
          <Button
            variant="secondary"
            disabled={other.pending}
            onClick={() => other.run(() => pauseIncidentAction({ id, paused: !paused }))}
          >
            {paused ? t("actions.resume") : t("actions.pause")}
          </Button>
        ) : null}
        <div className="min-w-36">
          <label htmlFor={`${uid}-sev`} className="block text-xs font-semibold text-muted">
            {t("fields.severity")}
          </label>
          <div className="flex gap-2">
            <select id={`${uid}-sev`} value={sev} onChange={(e) => setSev(e.target.value)} className={inputClass}>
              {severities.map((s) => (
                <option key={s} value={s}>
                  {t(`severity.${s}`)}
                </option>
              ))}
            </select>
            <Button
              variant="secondary"
              disabled={other.pending || sev === severity}
              onClick={() => other.run(() => changeSeverityAction({ id, severity: sev }))}
            >
              {t("actions.apply")}
            </Button>
          </div>
        </div>
        <div className="min-w-48">
          <label htmlFor={`${uid}-assignee`} className="block text-xs font-semibold text-muted">
            {t("fields.assignee")}
          </label>
          <div className="flex gap-2">
            <select id={`${uid}-assignee`} value={assignee} onChange={(e) => setAssignee(e.target.value)} className={inputClass}>
              <option value="">{t("fields.unassigned")}</option>
              {assignees.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
            <Button
              variant="secondary"
              disabled={other.pending || assignee === (assigneeId ?? "")}
              onClick={() => other.run(() => assignIncidentAction({ id, assigneeId: assignee }))}
            >
              {t("actions.assign")}
            </Button>
          </div>
        </div>
      </div>
      <ErrorText error={other.error} />
    </div>
  );
}
