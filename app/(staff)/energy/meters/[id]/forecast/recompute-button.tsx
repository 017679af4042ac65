"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { recomputeForecastAction } from "./actions";

/** Admins: recompute this meter's forecasts now, then reload the page's data. */
export function RecomputeButton({ meterId }: { meterId: string }) {
  const t = useTranslations("forecast");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const run = () =>
    start(async () => {
      setMessage(null);
      const result = await recomputeForecastAction({ meterId });
      if (!result.ok) {
        setMessage({ tone: "error", text: tErrors.has(result.messageKey) ? tErrors(result.messageKey) : tErrors("internal") });
        return;
      }
      setMessage(
        result.data.status === "forecast"
          ? { tone: "success", text: t("recompute.done") }
          : { tone: "error", text: t("recompute.skipped") },
      );
      router.refresh();
    });
  return (
    <div className="flex flex-col items-start gap-1">
      <Button variant="secondary" onClick={run} disabled={pending} aria-busy={pending} data-testid="forecast-recompute">
        {pending ? t("recompute.running") : t("recompute.action")}
      </Button>
      <p role="status" className="text-sm text-success">
        {message?.tone === "success" ? message.text : ""}
      </p>
      {message?.tone === "error" ? (
        <p role="alert" className="text-sm text-danger">
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
