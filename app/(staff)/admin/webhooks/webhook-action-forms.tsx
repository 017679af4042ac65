"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { SecretOnce } from "@/components/integrations/secret-once";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { deleteWebhookAction, pingWebhookAction, rotateWebhookSecretAction, setWebhookEnabledAction } from "./actions";

/** Enable/disable, test ping, secret rotation and deletion of one webhook; the risky ones ask first. */
export function WebhookControls({ id, enabled, url }: { id: string; enabled: boolean; url: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [secret, setSecret] = useState<string | null>(null);
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [pending, start] = useTransition();
  const errorText = (key: string) => (t.has(`errors.${key}`) ? t(`errors.${key}`) : t("errors.internal"));
  const run = (action: () => Promise<{ ok: true; data: unknown } | { ok: false; messageKey: string }>, success: string) =>
    start(async () => {
      const result = await action();
      setStatus(result.ok ? { tone: "success", text: success } : { tone: "error", text: errorText(result.messageKey) });
      if (result.ok) router.refresh();
    });
  return (
    <div className="space-y-4">
      {secret ? <SecretOnce items={[{ label: t("webhooks.newSecret"), value: secret, testId: "webhook-secret" }]} /> : null}
      <div className="flex flex-wrap items-start gap-2">
        {enabled ? (
          <>
            <Button variant="secondary" disabled={pending} onClick={() => run(() => pingWebhookAction({ id }), t("webhooks.pingQueued"))}>
              {t("webhooks.sendPing")}
            </Button>
            <ConfirmAction
              label={t("webhooks.disable")}
              question={t("webhooks.confirmDisable", { url })}
              action={() => setWebhookEnabledAction({ id, enabled: false })}
              onDone={() => router.refresh()}
            />
          </>
        ) : (
          <Button disabled={pending} onClick={() => run(() => setWebhookEnabledAction({ id, enabled: true }), t("webhooks.enabledNow"))}>
            {t("webhooks.enable")}
          </Button>
        )}
        <ConfirmAction
          label={t("webhooks.rotateSecret")}
          question={t("webhooks.confirmRotate")}
          variant="secondary"
          action={() => rotateWebhookSecretAction({ id })}
          onDone={(data) => setSecret((data as { secret: string }).secret)}
        />
        <ConfirmAction
          label={t("webhooks.delete")}
          question={t("webhooks.confirmDelete", { url })}
          action={() => deleteWebhookAction({ id })}
          onDone={() => router.push("/admin/webhooks?deleted=1")}
        />
      </div>
      {status ? (
        <p
          role={status.tone === "error" ? "alert" : "status"}
          className={`text-sm ${status.tone === "error" ? "text-danger" : "text-success"}`}
        >
          {status.text}
        </p>
      ) : null}
    </div>
  );
}
