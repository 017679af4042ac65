import "server-only";
import { getTranslations } from "next-intl/server";
import type { InvoiceLineDto } from "./invoice-dto";

/** A line's label in the reader's language (pages): its message key, else its kind (`invoices.lineKinds.*`). */
export async function lineLabeller(): Promise<(line: Pick<InvoiceLineDto, "labelKey" | "labelParams" | "kind">) => string> {
  const root = await getTranslations();
  const t = await getTranslations("invoices");
  return (line) => (root.has(line.labelKey) ? root(line.labelKey, line.labelParams) : t(`lineKinds.${line.kind}`));
}
