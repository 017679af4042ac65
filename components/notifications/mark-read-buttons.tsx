"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { markNotificationsReadAction } from "@/app/(staff)/notifications/actions";
import { Button } from "@/components/ui/button";

function useMarkRead() {
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (input: { ids: string[] } | { all: true }, onDone?: () => void) =>
    start(async () => {
      const result = await markNotificationsReadAction(input);
      if (!result.ok) return setError(tErrors.has(result.messageKey) ? tErrors(result.messageKey) : tErrors("internal"));
      setError(null);
      onDone?.();
      router.refresh();
    });
  const alert = error ? (
    <p role="alert" className="text-sm text-danger">
      {error}
    </p>
  ) : null;
  return { run, pending, alert };
}

export function MarkReadButton({ id, title }: { id: string; title: string }) {
  const t = useTranslations("notifications.page");
  const { run, pending, alert } = useMarkRead();
  return (
    <div className="space-y-1">
      <Button variant="secondary" onClick={() => run({ ids: [id] })} disabled={pending} aria-label={t("markReadOf", { title })}>
        {t("markRead")}
      </Button>
      {alert}
    </div>
  );
}

export function MarkAllReadButton({ unread }: { unread: number }) {
  const t = useTranslations("notifications.page");
  const [done, setDone] = useState(false);
  const { run, pending, alert } = useMarkRead();
  return (
    <div className="space-y-1">
      <Button onClick={() => run({ all: true }, () => setDone(true))} disabled={pending || unread === 0} data-testid="mark-all-read">
        {t("markAllRead")}
      </Button>
      <p role="status" className="text-sm text-success">
        {done && unread === 0 ? t("allRead") : ""}
      </p>
      {alert}
    </div>
  );
}
