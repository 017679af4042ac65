import Link from "next/link";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { dec, text } from "@/server/energy/environment/decimal";
import { listFactors, type FactorWithHistory } from "@/server/energy/environment/factors-query";
import { requireTemplate } from "@/server/platform/templates";
import { FactorEditForm } from "./factor-edit-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("environment"))("factors.title") };
}

const groups = [
  { id: "grid", match: (f: FactorWithHistory) => f.carrier === "electricity" },
  { id: "fuels", match: (f: FactorWithHistory) => ["natural_gas", "diesel", "petrol"].includes(f.carrier) },
  { id: "lifecycle", match: (f: FactorWithHistory) => !["electricity", "natural_gas", "diesel", "petrol"].includes(f.carrier) },
] as const;

/**
 * Emission factors (`environment.read`): the current version of each with its source and
 * its older versions; which ones computations use (reference source, factor-rule.ts).
 * Admins (`environment.write`) edit a factor, which creates a new version.
 */
export default async function FactorsPage() {
  requireTemplate("energy");
  const actor = await requireUser("environment.read");
  const t = await getTranslations("environment");
  const format = await getFormatter();
  const factors = await listFactors(await getDb(), actor);
  const writable = can(actor, "environment.write");
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const value = (v: string) => text(dec(v));

  return (
    <div className="space-y-6">
      <PageHeader title={t("factors.title")} description={t("factors.description")} />
      <p className="text-sm">
        <Link href="/energy/environment" className="text-primary underline underline-offset-2">
          {t("backToIndicators")}
        </Link>
      </p>
      <p className="rounded-md border border-line bg-surface p-4 text-sm">{t("factors.rule")}</p>
      {factors.length === 0 ? (
        <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="empty">
          {t("factors.empty")}
        </p>
      ) : null}
      {groups.map((group) => {
        const list = factors.filter(group.match);
        if (list.length === 0) return null;
        return (
          <section key={group.id} aria-labelledby={`factors-${group.id}`} className="space-y-3">
            <h2 id={`factors-${group.id}`} className="text-lg font-semibold">
              {t(`factors.groups.${group.id}`)}
            </h2>
            <ul className="grid gap-4 lg:grid-cols-2">
              {list.map((f) => (
                <li key={f.key} className="rounded-lg border border-line bg-surface p-4 shadow-sm" data-testid="factor" data-key={f.key}>
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <h3 className="font-semibold">
                      {t.has(`carriers.${f.carrier}`) ? t(`carriers.${f.carrier}`) : f.carrier}
                      {f.zone !== "*" ? ` — ${f.zone}` : ""} · {f.year}
                    </h3>
                    <div className="flex flex-wrap gap-1">
                      {f.reference ? <Badge tone="success">{t("factors.reference")}</Badge> : <Badge>{t("factors.comparison")}</Badge>}
                      <Badge tone="info">{t(`perimeters.${f.perimeter}`)}</Badge>
                    </div>
                  </div>
                  <p className="mt-2 text-xl font-semibold tabular-nums" data-testid="factor-value" data-value={value(f.value)}>
                    <span dir="ltr">{value(f.value)}</span>{" "}
                    <span className="text-sm font-normal">{t("factors.unit", { unit: f.unit })}</span>
                  </p>
                  <p className="mt-1 font-mono text-xs text-muted" dir="ltr">
                    {f.key}
                  </p>
                  <p className="mt-2 text-sm">{f.source}</p>
                  <p className="mt-1 text-xs text-muted">
                    {t("factors.versionLine", { version: f.version, when: when(f.createdAt), by: f.createdBy ?? "—" })}
                  </p>
                  {f.history.length > 0 ? (
                    <details className="mt-3">
                      <summary className="cursor-pointer text-sm font-semibold">
                        {t("factors.history", { count: f.history.length })}
                      </summary>
                      <ol className="mt-2 space-y-2 text-sm">
                        {f.history.map((h) => (
                          <li key={h.id} className="border-s-2 border-line ps-3" data-testid="factor-version">
                            <span className="font-semibold tabular-nums" dir="ltr">
                              {value(h.value)}
                            </span>{" "}
                            — {t("factors.versionLine", { version: h.version, when: when(h.createdAt), by: h.createdBy ?? "—" })}
                            {h.supersededAt ? (
                              <span className="text-muted"> · {t("factors.supersededAt", { when: when(h.supersededAt) })}</span>
                            ) : null}
                            <div className="text-xs text-muted">{h.source}</div>
                          </li>
                        ))}
                      </ol>
                    </details>
                  ) : null}
                  {writable ? (
                    <details className="mt-3">
                      <summary className="cursor-pointer text-sm font-semibold">{t("factors.edit")}</summary>
                      <div className="mt-3">
                        <FactorEditForm
                          id={f.id}
                          factorKey={f.key}
                          version={f.version}
                          value={value(f.value)}
                          source={f.source}
                          unit={f.unit}
                        />
                      </div>
                    </details>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
