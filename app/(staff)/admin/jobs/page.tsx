import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { getDb } from "@/db/client";
import { jobStatuses, listJobsQuery } from "@/lib/validation/jobs";
import { requireUser } from "@/server/auth/guards";
import { jobCounts, listJobs, listSchedules } from "@/server/platform/jobs/jobs-admin";
import "@/server/platform/jobs/kinds";
import { registeredKinds } from "@/server/platform/jobs/registry";
import { JobsTable } from "./jobs-table";
import { SchedulesTable } from "./schedules-table";
import { CursorPagination } from "@/components/ui/cursor-pagination";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("jobs") };
}

/** Admins: the background job queue (counts, filters in the URL, retry) and the recurring schedules. */
export default async function JobsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireUser("jobs.manage");
  const t = await getTranslations();
  const raw = Object.fromEntries(
    Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  );
  const parsed = listJobsQuery.safeParse({ ...raw, limit: raw.limit ?? "50" });
  const query = parsed.success ? parsed.data : listJobsQuery.parse({});
  const db = await getDb();
  const [counts, page, schedules] = await Promise.all([jobCounts(db, actor), listJobs(db, actor, query), listSchedules(db, actor)]);
  const kinds = [...new Set([...registeredKinds(), ...schedules.map((s) => s.kind), ...(query.kind ? [query.kind] : [])])].sort();
  const keep = new URLSearchParams(Object.entries({ status: query.status, kind: query.kind }).filter((e): e is [string, string] => !!e[1]));
  const nextHref = page.next_cursor ? `?${new URLSearchParams([...keep, ["cursor", page.next_cursor]])}` : null;
  return (
    <div className="space-y-8">
      <PageHeader title={t("jobs.title")} description={t("jobs.description")} />
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label={t("jobs.countsLabel")}>
        {jobStatuses.map((s) => (
          <li key={s}>
            <Link
              href={`?status=${s}`}
              className="block rounded-lg border border-line bg-surface p-4 hover:bg-surface-2"
              aria-current={query.status === s ? "true" : undefined}
              data-testid={`job-count-${s}`}
            >
              <span className="block text-2xl font-semibold">{counts[s]}</span>
              <span className="text-sm text-muted">{t(`jobs.status.${s}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
      <section aria-labelledby="queue-title" className="space-y-4">
        <h2 id="queue-title" className="text-lg font-semibold">
          {t("jobs.queue")}
        </h2>
        <form role="search" className="grid gap-3 sm:grid-cols-[1fr_1fr_auto]" action="/admin/jobs">
          <label className="sr-only" htmlFor="status">
            {t("jobs.statusLabel")}
          </label>
          <select id="status" name="status" defaultValue={query.status ?? ""} className={inputClass}>
            <option value="">{t("jobs.allStatuses")}</option>
            {jobStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`jobs.status.${s}`)}
              </option>
            ))}
          </select>
          <label className="sr-only" htmlFor="kind">
            {t("jobs.kind")}
          </label>
          <select id="kind" name="kind" defaultValue={query.kind ?? ""} className={inputClass}>
            <option value="">{t("jobs.allKinds")}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
          <button type="submit" className={buttonClass("secondary")}>
            {t("common.filter")}
          </button>
        </form>
        <JobsTable jobs={page.data} />
        <CursorPagination className="flex gap-3" firstHref={query.cursor ? `?${keep}` : null} nextHref={nextHref} />
      </section>
      <SchedulesTable schedules={schedules} />
    </div>
  );
}
