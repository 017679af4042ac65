import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TariffForm } from "@/components/energy/billing-admin/tariff-form";
import { PageHeader } from "@/components/ui/card";
import type { TariffDefinition } from "@/lib/billing/types";
import { requireUser } from "@/server/auth/guards";
import { dayIn } from "@/server/energy/equipment/dates";
import { requireTemplate } from "@/server/platform/templates";
import { createTariffAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tariffs"))("form.newTitle") };
}

/** A starting point for the JSON editor: a flat price with a monthly subscription (to adapt). */
const example: TariffDefinition = {
  currency: "DZD",
  pricesIncludeTax: false,
  subscription: { amountMinor: 0, per: "month", vatBp: 1900 },
  energy: { kind: "flat", priceMicro: 1_778_700, vatBp: 900 },
  levies: [],
  fees: [],
};

/** A new tariff with its first version (`clients.write`). */
export default async function NewTariffPage() {
  requireTemplate("energy");
  await requireUser("clients.write");
  const t = await getTranslations("tariffs");
  return (
    <div>
      <PageHeader title={t("form.newTitle")} description={t("form.newDescription")} />
      <p className="mb-4 text-sm">
        <Link href="/energy/tariffs" className="text-primary underline underline-offset-2">
          {t("detail.back")}
        </Link>
      </p>
      <TariffForm definition={JSON.stringify(example, null, 2)} validFrom={dayIn()} action={createTariffAction} />
    </div>
  );
}
