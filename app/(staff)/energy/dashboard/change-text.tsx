import { getFormatter, getTranslations } from "next-intl/server";

/**
 * A change against the previous period in words and with an arrow (never colour alone):
 * "▲ +12.5 % vs previous period". `points`: a share, compared in percentage points.
 */
export async function ChangeText({
  current,
  previous,
  points = false,
}: {
  current: number | null;
  previous: number | null;
  points?: boolean;
}) {
  const t = await getTranslations("energyDashboard.change");
  const format = await getFormatter();
  let arrow = "";
  let text: string;
  if (current === null || previous === null || (!points && previous === 0)) text = t("none");
  else {
    const delta = points ? (current - previous) * 100 : ((current - previous) / Math.abs(previous)) * 100;
    const shown = format.number(Math.abs(delta), { maximumFractionDigits: 1 });
    if (shown === format.number(0, { maximumFractionDigits: 1 })) {
      arrow = "＝";
      text = t("same");
    } else {
      arrow = delta > 0 ? "▲" : "▼";
      const key = `${points ? "points" : "percent"}${delta > 0 ? "Up" : "Down"}` as const;
      text = t(key, { value: shown });
    }
  }
  return (
    <span className="inline-flex items-baseline gap-1 text-sm text-muted" data-testid="change">
      {arrow ? <span aria-hidden="true">{arrow}</span> : null}
      <span>{text}</span>
    </span>
  );
}
