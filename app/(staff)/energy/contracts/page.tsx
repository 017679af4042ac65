import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Badge, PageHeader } from "@/components/ui/card";
import { CursorPagination } from "@/components/ui/cursor-pagination";
import { inputClass } from "@/components/ui/field";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { getDb } from "@/db/client";
import { billingCycles, contractFilterKeys, contractStatuses, listContractsQuery } from "@/lib/validation/contracts";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { listContracts } from "@/server/energy/contracts/contracts-query";
import { listTariffs } from "@/server/energy/tariffs/tariffs-query";
import { requireTemplate } from "@/server/platform/templates";
import { contractStatusTone } from "../clients/display";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contracts"))("list.title") };
}

/** Contracts (`clients.read`): search, status, cycle, tariff and client in the URL, 25 per page. */
export default async function ContractsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  requireTemplate("energy");
  const actor = await requireUser("clients.read");
  const t = await getTranslations("contracts");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const raw = Object.fromEntries(
    Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  );
  const values = Object.fromEntries(contractFilterKeys.map((k) => [k, raw[k] ?? ""])) as Record<
    (typeof contractFilterKeys)[number],
    string
  >;
  const parsed = listContractsQuery.safeParse({ ...values, cursor: raw.cursor, limit: "25" });
  const db = await getDb();
  const [result, tariffs] = await Promise.all([parsed.success ? listContracts(db, actor, parsed.data) : null, listTariffs(db, actor, {})]);
  const keep = new URLSearchParams(contractFilterKeys.filter((k) => values[k]).map((k) => [k, values[k]]));
  const nextHref = result?.next_cursor ? `?${new URLSearchParams([...keep, ["cursor", result.next_cursor]])}` : null;
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const select = (name: "status" | "cycle" | "tariff", options: { value: string; label: string }[]) => (
    <div className="space-y-1">
      <label htmlFor={`f-${name}`} className="block text-sm font-semibold">
        {t(`filters.${name}`)}
      </label>
      <select id={`f-${name}`} name={name} defaultValue={values[name]} className={inputClass}>
        <option value="">{t("filters.any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div>
      <PageHeader
        title={t("list.title")}
        description={t("list.description")}
        actions={
          can(actor, "clients.write") ? (
            <Link href="/energy/contracts/new" className={buttonClass("primary")}>
              {t("list.create")}
            </Link>
          ) : null
        }
      />
      <form
        role="search"
        aria-label={t("filters.title")}
        action="/energy/contracts"
        className="mb-4 rounded-lg border border-line bg-surface p-4"
      >
        {values.client ? <input type="hidden" name="client" value={values.client} /> : null}
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
          <div className="space-y-1">
            <label htmlFor="f-q" className="block text-sm font-semibold">
              {t("filters.q")}
            </label>
            <input id="f-q" name="q" type="search" defaultValue={values.q} placeholder={t("filters.qPlaceholder")} className={inputClass} />
          </div>
          {select(
            "status",
            contractStatuses.map((s) => ({ value: s, label: t(`statuses.${s}`) })),
          )}
          {select(
            "cycle",
            billingCycles.map((c) => ({ value: c, label: t(`cycles.${c}`) })),
          )}
          {select(
            "tariff",
            tariffs.map((x) => ({ value: x.id, label: x.name })),
          )}
          <div className="flex flex-wrap items-end gap-2">
            <button type="submit" className={buttonClass("primary")}>
              {tc("filter")}
            </button>
            <Link href="/energy/contracts" className={buttonClass("ghost")}>
              {t("filters.reset")}
            </Link>
          </div>
        </div>
      </form>
      {!parsed.success ? (
        <p role="alert" className="rounded-md border border-danger p-4 text-sm text-danger">
          {t("filters.invalid")}
        </p>
      ) : result && result.data.length > 0 ? (
        <ScrollRegion label={t("list.title")} className="rounded-lg border border-line bg-surface">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("list.title")}</caption>
            <thead className="bg-surface-2">
              <tr>
                <th scope="col" className="px-3 py-2 text-start">
                  {t("fields.number")}
                </th>
                <th scope="col" className="px-3 py-2 text-start">
                  {t("fields.client")}
                </th>
                <th scope="col" className="px-3 py-2 text-start">
                  {t("fields.status")}
                </th>
                <th scope="col" className="hidden px-3 py-2 text-start md:table-cell">
                  {t("fields.tariff")}
                </th>
                <th scope="col" className="hidden px-3 py-2 text-start sm:table-cell">
                  {t("fields.period")}
                </th>
                <th scope="col" className="hidden px-3 py-2 text-start lg:table-cell">
                  {t("fields.billingCycle")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {result.data.map((c) => (
                <tr key={c.id} data-testid="contract-row">
                  <td className="px-3 py-2">
                    <Link
                      href={`/energy/contracts/${c.id}`}
                      className="font-mono font-semibold text-primary underline underline-offset-2"
                      dir="ltr"
                    >
                      {c.number}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    <Link href={`/energy/clients/${c.client.id}`} className="text-primary underline underline-offset-2">
                      {c.client.name}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    <Badge tone={contractStatusTone(c.status)}>{t(`statuses.${c.status}`)}</Badge>
                  </td>
                  <td className="hidden px-3 py-2 md:table-cell">{c.tariff.name}</td>
                  <td className="hidden px-3 py-2 sm:table-cell">
                    {c.endDate
                      ? t("period", { start: day(c.startDate), end: day(c.endDate) })
                      : t("openPeriod", { start: day(c.startDate) })}
                  </td>
                  <td className="hidden px-3 py-2 lg:table-cell">{t(`cycles.${c.billingCycle}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : (
        <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="empty">
          {keep.size > 0 ? t("list.empty") : t("list.emptyAll")}
        </p>
      )}
      <CursorPagination
        firstHref={parsed.success && parsed.data.cursor ? (keep.size > 0 ? `?${keep}` : "/energy/contracts") : null}
        nextHref={nextHref}
      />
    </div>
  );
}
