"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { SlaClockDto } from "@/lib/devops/sla-clock";
import { ClockBadge, hoursMinutes } from "../display";

/**
 * One SLA clock, counting down every second while the server says it is `ticking`
 * (counting, inside working hours) and only until the end of the current working window:
 * business time does not pass outside hours, so the countdown then stands still.
 */
export function SlaCountdown({ clock }: { clock: SlaClockDto }) {
  const t = useTranslations("devops.incidents");
  const format = useFormatter();
  // Seconds ticked since mount; the page keys this component by the server's values, so new data remounts it.
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!clock.ticking) return;
    const started = Date.now();
    const until = clock.tickUntil ? new Date(clock.tickUntil).getTime() : Number.POSITIVE_INFINITY;
    const timer = setInterval(() => {
      setElapsed(Math.floor((Math.min(Date.now(), until) - started) / 1000));
      if (Date.now() >= until) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [clock.ticking, clock.tickUntil]);
  const remaining = clock.remainingSeconds - elapsed;

  const counting = clock.state === "running" || clock.state === "warning";
  const state = counting && remaining <= 0 ? "breached" : clock.state;
  const { h, m } = hoursMinutes(remaining);
  const s = Math.abs(remaining) % 60;
  const amount = t("sla.hms", { h, m, s });
  const label = t(`sla.clock.${clock.kind}`);
  return (
    <div className="space-y-1 rounded-md border border-line p-3" data-testid={`sla-${clock.kind}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">{label}</h3>
        <ClockBadge state={state} label={t(`sla.state.${state}`)} />
      </div>
      <p role="timer" aria-label={label} className="text-lg font-semibold tabular-nums" dir="ltr">
        {remaining < 0 ? `−${amount}` : amount}
      </p>
      <p className="text-xs text-muted">
        {remaining < 0 ? t("sla.overdue") : t("sla.remaining")}
        {" · "}
        {t("sla.dueAt", { at: format.dateTime(new Date(clock.dueAt), { dateStyle: "medium", timeStyle: "short" }) })}
      </p>
      {counting && !clock.ticking ? <p className="text-xs text-muted">{t("sla.outsideHours")}</p> : null}
      {clock.state === "paused" ? <p className="text-xs text-muted">{t("sla.pausedHint")}</p> : null}
      {clock.stoppedAt ? (
        <p className="text-xs text-muted">
          {t("sla.stoppedAt", { at: format.dateTime(new Date(clock.stoppedAt), { dateStyle: "medium", timeStyle: "short" }) })}
        </p>
      ) : null}
      <div className="h-1.5 w-full overflow-hidden rounded bg-surface-2" aria-hidden="true">
        <div
          className={`h-full ${state === "breached" ? "bg-danger" : state === "warning" ? "bg-warning" : "bg-primary"}`}
          style={{ width: `${Math.min(100, clock.percentUsed)}%` }}
        />
      </div>
    </div>
  );
}
