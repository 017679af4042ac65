"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { expireSilenceAction } from "./actions";

/** Expires a silence after a confirmation; the alerts it hid are told at the next evaluation. */
export function ExpireSilence({ id }: { id: string }) {
  const t = useTranslations("devops.alerts.silences");
  const router = useRouter();
  return (
    <ConfirmAction
      label={t("expire")}
      question={t("confirmExpire")}
      action={() => expireSilenceAction({ id })}
      onDone={() => router.refresh()}
    />
  );
}
