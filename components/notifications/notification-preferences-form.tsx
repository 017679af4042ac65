"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { saveNotificationPreferencesAction } from "@/app/(staff)/notifications/actions";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { kindLabelKey, notificationChannels } from "@/lib/notification-kinds";
import { notificationPreferencesSchema } from "@/lib/validation/notifications";

type Values = z.input<typeof notificationPreferencesSchema>;
type Row = { kind: string; in_app: boolean; email: boolean };

/** Checkbox grid kind × channel (in-app, e-mail), saved in one action. */
export function NotificationPreferencesForm({ initial, emailAvailable }: { initial: Row[]; emailAvailable: boolean }) {
  const t = useTranslations();
  const form = useForm<Values>({
    resolver: zodResolver(notificationPreferencesSchema),
    defaultValues: { preferences: initial as Values["preferences"] },
  });
  const { submit, pending, message } = useActionForm(form, saveNotificationPreferencesAction, {
    successText: t("notifications.preferences.saved"),
  });
  const label = (kind: string) => (t.has(kindLabelKey(kind)) ? t(kindLabelKey(kind)) : kind);
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <table className="w-full text-sm">
        <caption className="sr-only">{t("notifications.preferences.title")}</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-2 pe-2 text-start">
              {t("notifications.preferences.kind")}
            </th>
            {notificationChannels.map((c) => (
              <th key={c} scope="col" className="px-2 py-2 text-center">
                {t(`notifications.preferences.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {initial.map((row, i) => (
            <tr key={row.kind}>
              <th scope="row" className="py-2 pe-2 text-start font-normal">
                {label(row.kind)}
              </th>
              {notificationChannels.map((c) => (
                <td key={c} className="px-2 py-2 text-center">
                  <input
                    type="checkbox"
                    {...form.register(`preferences.${i}.${c}`)}
                    aria-label={t("notifications.preferences.cell", {
                      kind: label(row.kind),
                      channel: t(`notifications.preferences.${c}`),
                    })}
                    className="size-5 accent-primary"
                    data-testid={`pref-${row.kind}-${c}`}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {emailAvailable ? null : <p className="text-sm text-muted">{t("notifications.preferences.emailOff")}</p>}
      <FormMessage message={message} />
      <Button type="submit" disabled={pending}>
        {t("common.save")}
      </Button>
    </form>
  );
}
