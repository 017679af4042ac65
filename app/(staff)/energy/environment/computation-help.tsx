import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The computation rule in the reader's words (the same as server/energy/environment/compute.ts and factor-rule.ts). */
export async function ComputationHelp() {
  const t = await getTranslations("environment.help");
  const parts = ["consumption", "avoided", "share", "factor", "compliance", "rounding"] as const;
  return (
    <details className="mb-4 rounded-lg border border-line bg-surface p-4" data-testid="computation-help">
      <summary className="cursor-pointer font-semibold">{t("title")}</summary>
      <div className="mt-3 space-y-2 text-sm">
        {parts.map((p) => (
          <p key={p}>{t(p)}</p>
        ))}
        <p>
          <Link href="/energy/environment/factors" className="text-primary underline underline-offset-2">
            {t("factorsLink")}
          </Link>
        </p>
      </div>
    </details>
  );
}
