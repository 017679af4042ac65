import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";

/**
 * One list of the page: a titled section (anchor `id`), a note, the table or an empty
 * message, and its own pagination (a nav named after the section, so several stay distinct).
 */
export async function Section({
  id,
  title,
  note,
  empty,
  isEmpty,
  firstHref,
  nextHref,
  children,
}: {
  id: string;
  title: string;
  note?: string;
  empty: string;
  isEmpty: boolean;
  firstHref: string | null;
  nextHref: string | null;
  children: ReactNode;
}) {
  const t = await getTranslations("common");
  const tq = await getTranslations("dataQuality");
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-20 space-y-3">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      {note ? <p className="text-sm text-muted">{note}</p> : null}
      {isEmpty ? (
        <p className="rounded-md border border-line bg-surface p-4 text-sm text-muted" data-testid={`${id}-empty`}>
          {empty}
        </p>
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-line bg-surface">{children}</div>
      )}
      {firstHref || nextHref ? (
        <nav aria-label={tq("pagination", { list: title })} className="flex flex-wrap gap-3">
          {firstHref ? (
            <Link href={firstHref} className={buttonClass("secondary")}>
              {t("firstPage")}
            </Link>
          ) : null}
          {nextHref ? (
            <Link href={nextHref} className={buttonClass("secondary")}>
              {t("nextPage")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}

export const th = "px-3 py-2 text-start font-semibold";
export const thEnd = "px-3 py-2 text-end font-semibold";
export const td = "px-3 py-2 align-top";
export const tdEnd = "px-3 py-2 text-end align-top tabular-nums";
export const link = "font-semibold text-primary underline underline-offset-2";
