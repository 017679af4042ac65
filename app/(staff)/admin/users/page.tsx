import Link from "next/link";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Badge, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { getDb } from "@/db/client";
import { roles } from "@/lib/permissions";
import { listUsersQuery } from "@/lib/validation/users";
import { requireUser } from "@/server/auth/guards";
import { listUsers } from "@/server/users/users-service";
import { CursorPagination } from "@/components/ui/cursor-pagination";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("users") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireUser("users.read");
  const t = await getTranslations();
  const format = await getFormatter();
  const raw = Object.fromEntries(
    Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  );
  const parsed = listUsersQuery.safeParse({ ...raw, limit: raw.limit ?? "25" });
  const query = parsed.success ? parsed.data : listUsersQuery.parse({ limit: "25" });
  const { data, next_cursor } = await listUsers(await getDb(), actor, query);
  const keep = new URLSearchParams(
    Object.entries({ q: query.q, role: query.role, status: query.status }).filter((e): e is [string, string] => !!e[1]),
  );
  const nextHref = next_cursor ? `?${new URLSearchParams([...keep, ["cursor", next_cursor]])}` : null;
  return (
    <div>
      <PageHeader
        title={t("users.title")}
        description={t("users.description")}
        actions={
          <Link href="/admin/users/new" className={buttonClass("primary")}>
            {t("users.create")}
          </Link>
        }
      />
      <form role="search" className="mb-4 grid gap-3 sm:grid-cols-[1fr_auto_auto_auto]" action="/admin/users">
        <label className="sr-only" htmlFor="q">
          {t("common.search")}
        </label>
        <input id="q" name="q" type="search" defaultValue={query.q} placeholder={t("users.searchPlaceholder")} className={inputClass} />
        <label className="sr-only" htmlFor="role">
          {t("users.role")}
        </label>
        <select id="role" name="role" defaultValue={query.role ?? ""} className={inputClass}>
          <option value="">{t("users.allRoles")}</option>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
        <label className="sr-only" htmlFor="status">
          {t("users.status")}
        </label>
        <select id="status" name="status" defaultValue={query.status ?? ""} className={inputClass}>
          <option value="">{t("users.allStatuses")}</option>
          <option value="active">{t("users.active")}</option>
          <option value="disabled">{t("users.disabled")}</option>
        </select>
        <button type="submit" className={buttonClass("secondary")}>
          {t("common.filter")}
        </button>
      </form>
      {data.length === 0 ? (
        <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="empty">
          {t("users.empty")}
        </p>
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-line bg-surface">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("users.title")}</caption>
            <thead className="bg-surface-2 text-start">
              <tr>
                <th scope="col" className="px-3 py-2 text-start">
                  {t("users.name")}
                </th>
                <th scope="col" className="px-3 py-2 text-start">
                  {t("users.email")}
                </th>
                <th scope="col" className="px-3 py-2 text-start">
                  {t("users.role")}
                </th>
                <th scope="col" className="px-3 py-2 text-start">
                  {t("users.status")}
                </th>
                <th scope="col" className="px-3 py-2 text-start">
                  {t("users.lastSignIn")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {data.map((u) => (
                <tr key={u.id} data-testid="user-row">
                  <td className="px-3 py-2">
                    <Link href={`/admin/users/${u.id}`} className="font-semibold text-primary underline underline-offset-2">
                      {u.name}
                    </Link>
                  </td>
                  <td className="px-3 py-2" dir="ltr">
                    {u.email}
                  </td>
                  <td className="px-3 py-2">{t(`roles.${u.role}`)}</td>
                  <td className="px-3 py-2">
                    {u.disabled ? (
                      <Badge tone="danger">{t("users.disabled")}</Badge>
                    ) : u.locked ? (
                      <Badge tone="warning">{t("users.locked")}</Badge>
                    ) : (
                      <Badge tone="success">{t("users.active")}</Badge>
                    )}
                  </td>
                  <td className="px-3 py-2 text-muted">
                    {u.lastSignInAt
                      ? format.dateTime(new Date(u.lastSignInAt), { dateStyle: "medium", timeStyle: "short" })
                      : t("users.never")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CursorPagination className="mt-4 flex gap-3" firstHref={query.cursor ? `?${keep}` : null} nextHref={nextHref} />
    </div>
  );
}
