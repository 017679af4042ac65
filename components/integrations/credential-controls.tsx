"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  revokeApiKeyAction,
  revokeOAuthClientAction,
  rotateApiKeyAction,
  rotateOAuthSecretAction,
} from "@/app/(staff)/admin/integrations/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { SecretOnce } from "./secret-once";

/** Rotate and revoke for one API key or OAuth client, each after a confirmation. */
export function CredentialControls({ kind, id, name }: { kind: "apiKey" | "oauthClient"; id: string; name: string }) {
  const t = useTranslations("integrations");
  const router = useRouter();
  const [secret, setSecret] = useState<string | null>(null);
  const rotate = kind === "apiKey" ? rotateApiKeyAction : rotateOAuthSecretAction;
  const revoke = kind === "apiKey" ? revokeApiKeyAction : revokeOAuthClientAction;
  return (
    <div className="flex flex-wrap items-start gap-2">
      {secret ? (
        <SecretOnce items={[{ label: t(kind === "apiKey" ? "keyValue" : "clientSecret"), value: secret, testId: "rotated-secret" }]} />
      ) : null}
      <ConfirmAction
        label={t(kind === "apiKey" ? "rotateKey" : "rotateSecret")}
        question={t(kind === "apiKey" ? "confirmRotateKey" : "confirmRotateSecret", { name })}
        variant="secondary"
        action={() => rotate({ id })}
        onDone={(data) => {
          const d = data as { value?: string; secret?: string };
          setSecret(d.value ?? d.secret ?? null);
          router.refresh();
        }}
      />
      <ConfirmAction
        label={t("revoke")}
        question={t("confirmRevoke", { name })}
        action={() => revoke({ id })}
        onDone={() => router.refresh()}
      />
    </div>
  );
}
