import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Badge, PageHeader } from "@/components/ui/card";
import { CursorPagination } from "@/components/ui/cursor-pagination";
import { inputClass } from "@/components/ui/field";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { getDb } from "@/db/client";
import { billingCountries, clientFilterKeys, clientKinds, clientListStatuses, listClientsQuery } from "@/lib/validation/clients";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { listClients } from "@/server/energy/clients/clients-query";
import { requireTemplate } from "@/server/platform/templates";
import { clientStatusTone } from "./display";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("clients"))("list.title") };
}

/** Clients (`clients.read`, admins): search, status, kind and country in the URL, 25 per page. */
export default async function ClientsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  requireTemplate("energy");
  const actor = await requireUser("clients.read");
  const t = await getTranslations("clients");
  const tc = await getTranslations("common");
  const raw = Object.fromEntries(
    Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  );
  const values = Object.fromEntries(clientFilterKeys.map((k) => [k, raw[k] ?? ""])) as Record<(typeof clientFilterKeys)[number], string>;
  const parsed = listClientsQuery.safeParse({ ...values, cursor: raw.cursor, limit: "25" });
  const result = parsed.success ? await listClients(await getDb(), actor, parsed.data) : null;
  const keep = new URLSearchParams(clientFilterKeys.filter((k) => values[k]).map((k) => [k, values[k]]));
  const nextHref = result?.next_cursor ? `?${new URLSearchParams([...keep, ["cursor", result.next_cursor]])}` : null;
  const select = (name: "status" | "kind" | "country", options: readonly string[], label: (v: string) => string) => (
    <div className="space-y-1">
      <label htmlFor={`f-${name}`} className="block text-sm font-semibold">
        {t(`filters.${name}`)}
      </label>
      <select id={`f-${name}`} name={name} defaultValue={values[name]} className={inputClass}>
        <option value="">{t("filters.any")}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {label(o)}
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
          <>
            <Link href="/energy/contracts" className={buttonClass("secondary")}>
              {t("list.contracts")}
            </Link>
            <Link href="/energy/tariffs" className={buttonClass("secondary")}>
              {t("list.tariffs")}
            </Link>
            {can(actor, "clients.write") ? (
              <Link href="/energy/clients/new" className={buttonClass("primary")}>
                {t("list.create")}
              </Link>
            ) : null}
          </>
        }
      />
      <form
        role="search"
        aria-label={t("filters.title")}
        action="/energy/clients"
        className="mb-4 rounded-lg border border-line bg-surface p-4"
      >
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
          <div className="space-y-1">
            <label htmlFor="f-q" className="block text-sm font-semibold">
              {t("filters.q")}
            </label>
            <input id="f-q" name="q" type="search" defaultValue={values.q} placeholder={t("filters.qPlaceholder")} className={inputClass} />
          </div>
          {select("status", clientListStatuses, (v) => t(`statuses.${v}`))}
          {select("kind", clientKinds, (v) => t(`kinds.${v}`))}
          {select("country", billingCountries, (v) => t(`countries.${v}`))}
          <div className="flex flex-wrap items-end gap-2">
            <button type="submit" className={buttonClass("primary")}>
              {tc("filter")}
            </button>
            <Link href="/energy/clients" className={buttonClass("ghost")}>
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
                  {t("columns.client")}
                </th>
                <th scope="col" className="hidden px-3 py-2 text-start sm:table-cell">
                  {t("columns.kind")}
                </th>
                <th scope="col" className="px-3 py-2 text-start">
                  {t("columns.status")}
                </th>
                <th scope="col" className="hidden px-3 py-2 text-start md:table-cell">
                  {t("columns.city")}
                </th>
                <th scope="col" className="hidden px-3 py-2 text-start lg:table-cell">
                  {t("columns.email")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {result.data.map((c) => (
                <tr key={c.id} data-testid="client-row" data-code={c.code}>
                  <td className="px-3 py-2">
                    <Link href={`/energy/clients/${c.id}`} className="font-semibold text-primary underline underline-offset-2">
                      {c.name}
                    </Link>
                    <div className="font-mono text-xs text-muted" dir="ltr">
                      {c.code}
                    </div>
                  </td>
                  <td className="hidden px-3 py-2 sm:table-cell">{t(`kinds.${c.kind}`)}</td>
                  <td className="px-3 py-2">
                    <Badge tone={clientStatusTone(c.status)}>{t(`statuses.${c.status}`)}</Badge>
                  </td>
                  <td className="hidden px-3 py-2 md:table-cell">{c.city ?? "—"}</td>
                  <td className="hidden px-3 py-2 lg:table-cell" dir="ltr">
                    {c.email ?? "—"}
                  </td>
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
        firstHref={parsed.success && parsed.data.cursor ? (keep.size > 0 ? `?${keep}` : "/energy/clients") : null}
        nextHref={nextHref}
      />
    </div>
  );
}
