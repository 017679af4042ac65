"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { deleteTargetAction } from "./actions";

/** Removes a target after a confirmation naming the site and year. */
export function DeleteTarget({ id, site, year }: { id: string; site: string; year: number }) {
  const t = useTranslations("environment.targets");
  const router = useRouter();
  return (
    <ConfirmAction
      label={t("delete")}
      question={t("confirmDelete", { site, year })}
      action={() => deleteTargetAction({ id })}
      onDone={() => router.refresh()}
    />
  );
}
