"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";

type Result = { ok: true; data: unknown } | { ok: false; messageKey: string };

/** A phone-size button that starts an intervention, then refreshes the page; errors are announced. */
export function StartButton({ id, label, action }: { id: string; label: string; action: (input: { id: string }) => Promise<Result> }) {
  const t = useTranslations("errors");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="space-y-2">
      <Button
        className="min-h-14 w-full text-base sm:w-auto"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await action({ id });
            if (result.ok) router.refresh();
            else setError(t.has(result.messageKey) ? t(result.messageKey) : t("internal"));
          })
        }
      >
        {label}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
