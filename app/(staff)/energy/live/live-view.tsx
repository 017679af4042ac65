"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { LiveChart, lineStyle, type LiveLine } from "@/components/energy/live-chart";
import type { ChartPoint } from "@/components/energy/series-chart";
import { Button } from "@/components/ui/button";

export type LiveMeter = { id: string; code: string; name: string; intervalMinutes: number };
type Status = "connecting" | "live" | "reconnecting" | "closed";
type StreamPoint = { ts: string; value: number; quality: string };
type Series = Record<string, ChartPoint[]>;

const windowMs = 2 * 3_600_000;
const asQuality = (q: string): ChartPoint["quality"] => (q === "estimated" || q === "corrected" ? q : "measured");

/** `points` merged into `into` (a new reading at the same time replaces the old one: a correction), in time order. */
function merge(into: ChartPoint[] = [], points: ChartPoint[]): ChartPoint[] {
  const byTime = new Map(into.map((p) => [p.ms, p]));
  for (const p of points) byTime.set(p.ms, p);
  return [...byTime.values()].sort((a, b) => a.ms - b.ms);
}

/**
 * The live chart: the last two hours drawn from the server, then each point the readings
 * stream (SSE) sends is added as it arrives — no polling. The connection state is
 * announced; after a reconnection or a `resync` the page data are reloaded, since
 * signals may have been missed meanwhile.
 */
export function LiveView({
  query,
  meters,
  initial,
  serverNow,
  timeZone,
  unitLabel,
}: {
  query: string;
  meters: LiveMeter[];
  initial: Series;
  serverNow: number;
  timeZone: string;
  unitLabel: string;
}) {
  const t = useTranslations("liveView");
  const format = useFormatter();
  const router = useRouter();
  /** Points the stream delivered; drawn over the server's (a later value at the same time wins). */
  const [streamed, setStreamed] = useState<Series>({});
  const [status, setStatus] = useState<Status>("connecting");
  const [now, setNow] = useState(serverNow);
  const [lastArrival, setLastArrival] = useState<number | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    let interrupted = false;
    const source = new EventSource(`/api/consommation/stream?${query}`);
    source.addEventListener("ready", () => {
      setStatus("live");
      if (interrupted) router.refresh();
      interrupted = false;
    });
    source.addEventListener("readings", (e) => {
      const data = JSON.parse((e as MessageEvent<string>).data) as { meterId: string; points: StreamPoint[] };
      const points = data.points.map((p) => ({ ms: Date.parse(p.ts), value: p.value, quality: asQuality(p.quality) }));
      const since = Date.now() - windowMs;
      setStreamed((prev) => ({ ...prev, [data.meterId]: merge(prev[data.meterId], points).filter((p) => p.ms >= since) }));
      setLastArrival(Date.now());
      setNow(Date.now());
    });
    source.addEventListener("resync", () => router.refresh());
    source.onerror = () => {
      interrupted = true;
      setStatus(source.readyState === EventSource.CLOSED ? "closed" : "reconnecting");
    };
    return () => source.close();
  }, [query, attempt, router]);

  const from = now - windowMs;
  const lines: LiveLine[] = meters.map((m) => ({
    id: m.id,
    label: m.code,
    intervalMinutes: m.intervalMinutes,
    points: merge(initial[m.id], streamed[m.id] ?? []).filter((p) => p.ms >= from),
  }));
  const empty = lines.every((l) => l.points.length === 0);
  const time = (ms: number) => format.dateTime(ms, { hour: "2-digit", minute: "2-digit", timeZone });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <p
          role="status"
          aria-live="polite"
          className="inline-flex items-center gap-2 text-sm font-semibold"
          data-testid="live-status"
          data-status={status}
        >
          <span
            aria-hidden="true"
            className={`inline-block size-3 rounded-full ${status === "live" ? "bg-success" : status === "closed" ? "bg-danger" : "animate-pulse bg-warning"}`}
          />
          {t(`status.${status}`)}
        </p>
        {status === "closed" ? (
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              setStatus("connecting");
              setAttempt((n) => n + 1);
            }}
          >
            {t("reconnect")}
          </Button>
        ) : null}
        {lastArrival ? <p className="text-sm text-muted">{t("lastArrival", { time: time(lastArrival) })}</p> : null}
      </div>
      {empty ? (
        <p className="rounded-md border border-line p-6 text-center text-muted" data-testid="live-empty">
          {t("noRecent")}
        </p>
      ) : null}
      <LiveChart lines={lines} from={from} to={now} timeZone={timeZone} unitLabel={unitLabel} />
      <ul className="grid gap-2 text-sm sm:grid-cols-2" aria-label={t("legend")}>
        {lines.map((line, i) => {
          const last = line.points[line.points.length - 1];
          const style = lineStyle(i);
          return (
            <li key={line.id} className="flex items-center gap-2 rounded-md border border-line p-2" data-testid="live-meter">
              <svg aria-hidden="true" width="28" height="10" className="shrink-0">
                <line x1="0" y1="5" x2="28" y2="5" stroke={style.stroke} strokeWidth="3" strokeDasharray={style.dash} />
              </svg>
              <span className="min-w-0">
                <span className="block font-semibold" dir="ltr">
                  {line.label}
                </span>
                <span className="block text-muted">{meters[i]?.name}</span>
                <span className="block tabular-nums" data-testid="live-last">
                  {last && last.value !== null
                    ? t("lastValue", {
                        value: `${format.number(last.value, { maximumFractionDigits: 3 })} ${unitLabel}`,
                        time: time(last.ms),
                      })
                    : t("noValue")}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
