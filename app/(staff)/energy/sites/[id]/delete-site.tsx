"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { deleteSiteAction } from "../actions";

/** Deletes a site created by mistake, after a confirmation; back to the list with a notice. */
export function DeleteSite({ id }: { id: string }) {
  const t = useTranslations("energy.sites.detail");
  const router = useRouter();
  return (
    <ConfirmAction
      label={t("delete")}
      question={t("confirmDelete")}
      action={() => deleteSiteAction({ id })}
      onDone={() => router.push("/energy/sites?deleted=1")}
    />
  );
}
