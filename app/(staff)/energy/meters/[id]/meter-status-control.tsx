"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { deactivateMeterAction, reactivateMeterAction } from "../actions";

/** Deactivate (readings kept, new ones refused) or reactivate a meter, after a confirmation. */
export function MeterStatusControl({ id, active }: { id: string; active: boolean }) {
  const t = useTranslations("meters");
  const router = useRouter();
  return active ? (
    <ConfirmAction
      label={t("detail.deactivate")}
      question={t("detail.deactivateQuestion")}
      action={() => deactivateMeterAction({ id })}
      onDone={() => router.refresh()}
    />
  ) : (
    <ConfirmAction
      label={t("detail.reactivate")}
      question={t("detail.reactivateQuestion")}
      variant="primary"
      action={() => reactivateMeterAction({ id })}
      onDone={() => router.refresh()}
    />
  );
}
