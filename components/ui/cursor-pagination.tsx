import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "./button";

/** The first-page and next-page links of a cursor-paginated list; null hides a link. */
export function CursorPagination({
  firstHref,
  nextHref,
  className = "mt-4 flex gap-3",
}: {
  firstHref: string | null;
  nextHref: string | null;
  className?: string;
}) {
  const t = useTranslations("common");
  return (
    <nav aria-label={t("pagination")} className={className}>
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
  );
}
