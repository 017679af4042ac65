import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Badge, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { getDb } from "@/db/client";
import { billingCountries } from "@/lib/validation/clients";
import { listTariffsQuery, tariffFilterKeys } from "@/lib/validation/tariffs";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { listTariffs } from "@/server/energy/tariffs/tariffs-query";
import { requireTemplate } from "@/server/platform/templates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tariffs"))("list.title") };
}

/** Tariffs (`clients.read`): presets are labelled as examples to adapt, with their source and date. */
export default async function TariffsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  requireTemplate("energy");
  const actor = await requireUser("clients.read");
  const t = await getTranslations("tariffs");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const raw = Object.fromEntries(Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string"));
  const values = Object.fromEntries(tariffFilterKeys.map((k) => [k, raw[k] ?? (k === "active" ? "true" : "")])) as Record<
    (typeof tariffFilterKeys)[number],
    string
  >;
  const parsed = listTariffsQuery.safeParse(values);
  const tariffs = parsed.success ? await listTariffs(await getDb(), actor, parsed.data) : null;
  const day = (iso: string | null) => (iso ? format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) : "—");
  return (
    <div>
      <PageHeader
        title={t("list.title")}
        description={t("list.description")}
        actions={
          can(actor, "clients.write") ? (
            <Link href="/energy/tariffs/new" className={buttonClass("primary")}>
              {t("list.create")}
            </Link>
          ) : null
        }
      />
      <form
        role="search"
        aria-label={t("filters.title")}
        action="/energy/tariffs"
        className="mb-4 rounded-lg border border-line bg-surface p-4"
      >
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <div className="space-y-1">
            <label htmlFor="f-q" className="block text-sm font-semibold">
              {t("filters.q")}
            </label>
            <input id="f-q" name="q" type="search" defaultValue={values.q} className={inputClass} />
          </div>
          <div className="space-y-1">
            <label htmlFor="f-country" className="block text-sm font-semibold">
              {t("filters.country")}
            </label>
            <select id="f-country" name="country" defaultValue={values.country} className={inputClass}>
              <option value="">{t("filters.any")}</option>
              {billingCountries.map((c) => (
                <option key={c} value={c}>
                  {t(`countries.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="f-active" className="block text-sm font-semibold">
              {t("filters.active")}
            </label>
            <select id="f-active" name="active" defaultValue={values.active} className={inputClass}>
              <option value="true">{t("filters.inUse")}</option>
              <option value="false">{t("filters.archived")}</option>
              <option value="">{t("filters.all")}</option>
            </select>
          </div>
          <div className="flex flex-wrap items-end gap-2">
            <button type="submit" className={buttonClass("primary")}>
              {tc("filter")}
            </button>
            <Link href="/energy/tariffs" className={buttonClass("ghost")}>
              {t("filters.reset")}
            </Link>
          </div>
        </div>
      </form>
      {!tariffs ? (
        <p role="alert" className="rounded-md border border-danger p-4 text-sm text-danger">
          {t("filters.invalid")}
        </p>
      ) : tariffs.length === 0 ? (
        <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="empty">
          {t("list.empty")}
        </p>
      ) : (
        <ScrollRegion label={t("list.title")} className="rounded-lg border border-line bg-surface">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("list.title")}</caption>
            <thead className="bg-surface-2">
              <tr>
                <th scope="col" className="px-3 py-2 text-start">
                  {t("columns.tariff")}
                </th>
                <th scope="col" className="hidden px-3 py-2 text-start sm:table-cell">
                  {t("columns.country")}
                </th>
                <th scope="col" className="px-3 py-2 text-start">
                  {t("columns.current")}
                </th>
                <th scope="col" className="hidden px-3 py-2 text-start md:table-cell">
                  {t("columns.source")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {tariffs.map((x) => (
                <tr key={x.id} data-testid="tariff-row" data-code={x.code}>
                  <td className="px-3 py-2">
                    <Link href={`/energy/tariffs/${x.id}`} className="font-semibold text-primary underline underline-offset-2">
                      {x.name}
                    </Link>
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-mono text-xs text-muted" dir="ltr">
                        {x.code}
                      </span>
                      {x.preset ? <Badge tone="info">{t("preset")}</Badge> : null}
                      {x.active ? null : <Badge>{t("archived")}</Badge>}
                    </div>
                  </td>
                  <td className="hidden px-3 py-2 sm:table-cell">
                    {t(`countries.${x.country as "DZ"}`)} · {x.currency}
                  </td>
                  <td className="px-3 py-2">{x.currentFrom ? t("since", { date: day(x.currentFrom) }) : "—"}</td>
                  <td className="hidden px-3 py-2 md:table-cell">
                    {x.source ? t("sourceWithDate", { source: x.source, date: day(x.sourceDate) }) : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
