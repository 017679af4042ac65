"use client";

import { useTranslations } from "next-intl";

type DotProps = {
  cx?: number;
  cy?: number;
  index?: number;
  stroke?: string;
  payload?: { quality?: string; value?: number | null; dot?: boolean };
};

/**
 * The chart mark of a point: a hollow circle when estimated, a square when corrected; a
 * measured point has none unless it asks for a dot (`dot`: alone, or a sparse chart).
 */
export function QualityDot({ cx, cy, index, stroke, payload }: DotProps) {
  const key = `q-${index ?? 0}`;
  if (cx === undefined || cy === undefined || payload?.value == null) return <g key={key} />;
  if (payload.quality !== "estimated" && payload.quality !== "corrected") {
    return payload.dot ? <circle key={key} cx={cx} cy={cy} r={3} fill={stroke ?? "var(--c-primary)"} /> : <g key={key} />;
  }
  return payload.quality === "estimated" ? (
    <circle key={key} cx={cx} cy={cy} r={4} fill="var(--c-surface)" stroke="var(--c-warning)" strokeWidth={2} strokeDasharray="2 1" />
  ) : (
    <rect key={key} x={cx - 4} y={cy - 4} width={8} height={8} fill="var(--c-accent)" stroke="var(--c-fg)" strokeWidth={1} />
  );
}

/** The same marks in words, under the chart. */
export function QualityLegend() {
  const t = useTranslations("readingsUi.quality");
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted" aria-label={t("legend")}>
      <li className="inline-flex items-center gap-1">
        <svg aria-hidden="true" width="18" height="10">
          <line x1="0" y1="5" x2="18" y2="5" stroke="var(--c-primary)" strokeWidth="2" />
        </svg>
        {t("measured")}
      </li>
      <li className="inline-flex items-center gap-1">
        <svg aria-hidden="true" width="10" height="10">
          <circle cx="5" cy="5" r="4" fill="var(--c-surface)" stroke="var(--c-warning)" strokeWidth="2" strokeDasharray="2 1" />
        </svg>
        {t("estimated")}
      </li>
      <li className="inline-flex items-center gap-1">
        <svg aria-hidden="true" width="10" height="10">
          <rect x="1" y="1" width="8" height="8" fill="var(--c-accent)" stroke="var(--c-fg)" strokeWidth="1" />
        </svg>
        {t("corrected")}
      </li>
    </ul>
  );
}
