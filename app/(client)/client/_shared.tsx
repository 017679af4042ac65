import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import { formatDay } from "@/server/energy/invoices/invoice-format";
import { DomainError } from "@/server/platform/errors";

/** A client-space read: outside the actor's client (or an unlinked account) → the 404 page. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof DomainError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
}

const tones = {
  issued: "info",
  partially_paid: "warning",
  paid: "success",
  overdue: "danger",
  cancelled: "neutral",
  draft: "neutral",
} as const;

/** The invoice status as a badge (an unpaid invoice past its due date shows as overdue). */
export async function InvoiceStatusBadge({ status, late = false }: { status: string; late?: boolean }) {
  const t = await getTranslations("payments.status");
  const shown = late && status !== "paid" ? "overdue" : status;
  const tone = tones[shown as keyof typeof tones] ?? "neutral";
  return (
    <span data-testid="invoice-status" data-status={shown}>
      <Badge tone={tone}>{t.has(shown) ? t(shown) : shown}</Badge>
    </span>
  );
}

/** "[from, to)" as "1 mars 2026 – 31 mars 2026" in the reader's language. */
export function formatPeriod(from: string, toExclusive: string, locale: string): string {
  const last = new Date(`${toExclusive}T00:00:00Z`);
  last.setUTCDate(last.getUTCDate() - 1);
  return `${formatDay(from, locale, "medium")} – ${formatDay(last.toISOString().slice(0, 10), locale, "medium")}`;
}
