"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { inputClass } from "@/components/ui/field";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { issueAgentTokenAction, revokeAgentTokenAction } from "../actions";

type Issued = { id: string; token: string; hint: string };

/**
 * Generates an agent token: its value is shown here once (never stored in clear, never
 * shown again), with the command that starts the agent on the server.
 */
export function GenerateToken({ id, origin, hasLive }: { id: string; origin: string; hasLive: boolean }) {
  const t = useTranslations("devops.servers.agent");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const uid = useId();
  const [replace, setReplace] = useState(false);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const generate = () =>
    start(async () => {
      setError(null);
      setCopied(null);
      const result = await issueAgentTokenAction({ id, options: { replace } });
      if (!result.ok) return setError(tErrors.has(result.messageKey) ? tErrors(result.messageKey) : tErrors("internal"));
      setIssued(result.data);
      setReplace(false);
      router.refresh();
    });
  const command = issued ? `DIHYA_URL=${origin} DIHYA_AGENT_TOKEN=${issued.token} sh dihya-agent.sh` : "";
  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what);
    } catch {
      setCopied(null);
    }
  };
  return (
    <div className="space-y-3">
      {hasLive ? (
        <label className="inline-flex min-h-10 items-center gap-2 text-sm">
          <input type="checkbox" className="size-4" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
          {t("replace")}
        </label>
      ) : null}
      <div>
        <Button onClick={generate} disabled={pending} data-testid="generate-token">
          {t("generate")}
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
      {issued ? (
        <div className="space-y-3 rounded-md border border-warning p-3" data-testid="issued-token">
          <p role="status" className="text-sm font-semibold">
            {t("shownOnce")}
          </p>
          <div className="space-y-1">
            <label htmlFor={`${uid}-token`} className="block text-sm font-semibold">
              {t("token")}
            </label>
            <div className="flex flex-wrap gap-2">
              <input
                id={`${uid}-token`}
                readOnly
                dir="ltr"
                value={issued.token}
                className={`${inputClass} font-mono sm:flex-1`}
                onFocus={(e) => e.target.select()}
              />
              <Button variant="secondary" onClick={() => void copy(issued.token, "token")}>
                {t("copyToken")}
              </Button>
            </div>
          </div>
          <div className="space-y-1">
            <p className="text-sm">{t("runIntro")}</p>
            <ScrollRegion label={t("command")} className="rounded-md border border-line bg-surface-2">
              <pre dir="ltr" className="p-3 text-xs">
                <code>{command}</code>
              </pre>
            </ScrollRegion>
            <Button variant="secondary" onClick={() => void copy(command, "command")}>
              {t("copyCommand")}
            </Button>
          </div>
          <p aria-live="polite" className="text-sm text-success">
            {copied === "token" ? t("copiedToken") : copied === "command" ? t("copiedCommand") : ""}
          </p>
        </div>
      ) : null}
    </div>
  );
}

/** Revokes an agent token after confirmation: the agent is refused from its next request. */
export function RevokeToken({ id, tokenId, hint }: { id: string; tokenId: string; hint: string }) {
  const t = useTranslations("devops.servers.agent");
  const router = useRouter();
  return (
    <ConfirmAction
      label={t("revoke")}
      question={t("confirmRevoke", { hint })}
      action={() => revokeAgentTokenAction({ id, tokenId })}
      onDone={() => router.refresh()}
    />
  );
}
