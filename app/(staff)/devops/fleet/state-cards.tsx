import { getFormatter, getTranslations } from "next-intl/server";
import type { FleetSummary } from "@/server/devops/monitoring/fleet-summary";

const tones = {
  up: "border-s-success text-success",
  down: "border-s-danger text-danger",
  stale: "border-s-warning text-warning",
  unknown: "border-s-border text-muted",
} as const;

/** Servers per monitoring state, as four counters. */
export async function StateCards({ counts }: { counts: FleetSummary["counts"] }) {
  const t = await getTranslations("devops.fleet");
  const format = await getFormatter();
  return (
    <section aria-labelledby="states-title">
      <h2 id="states-title" className="sr-only">
        {t("states.title")}
      </h2>
      <ul className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {(["up", "down", "stale", "unknown"] as const).map((state) => (
          <li
            key={state}
            className={`rounded-lg border border-line border-s-4 bg-surface p-4 shadow-sm ${tones[state]}`}
            data-testid={`fleet-count-${state}`}
          >
            <p className="text-3xl font-semibold tabular-nums">{format.number(counts[state])}</p>
            <p className="text-sm text-fg">{t(`states.${state}`)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
