import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/layout/locale-switcher";
import { Brand, LozengeLattice } from "@/components/ui/motif";
import { getDb } from "@/db/client";
import { isSetupOpen } from "@/server/platform/setup";
import { SetupForm } from "./setup-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("setup");
  return { title: t("title") };
}

/** One-time page: exists only while the database holds no account (404 afterwards). */
export default async function SetupPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  if (!(await isSetupOpen(await getDb()))) notFound();
  const { token } = await searchParams;
  const t = await getTranslations("setup");
  return (
    <div className="relative flex min-h-screen flex-col">
      <LozengeLattice className="pointer-events-none absolute inset-x-0 top-0 h-40 w-full text-accent/10" />
      <div className="relative flex items-center justify-between px-4 py-3">
        <Brand className="text-lg" />
        <LocaleSwitcher />
      </div>
      <main id="main" className="relative mx-auto flex w-full max-w-md flex-1 flex-col justify-center px-4 pb-16">
        <div className="rounded-xl border border-line bg-surface p-6 shadow-sm">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="mb-6 mt-1 text-muted">{t("intro")}</p>
          <SetupForm token={typeof token === "string" ? token.slice(0, 200) : ""} />
        </div>
      </main>
    </div>
  );
}
