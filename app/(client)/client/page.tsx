import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/server/auth/guards";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("client"))("title") };
}

/** The client's home, 360 px first. Invoices arrive with the billing capability. */
export default async function ClientHome() {
  const actor = await requireUser("client.home");
  const t = await getTranslations();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("client.greeting", { name: actor.name })}</h1>
      <Card title={t("client.amountDue")}>
        <p className="text-sm text-muted" data-testid="no-invoice">
          {t("client.noInvoice")}
        </p>
      </Card>
      <Card title={t("client.myAccount")}>
        <p className="mb-2 text-sm text-muted">{actor.email}</p>
        <Link href="/profile" className="text-primary underline underline-offset-2">
          {t("nav.profile")}
        </Link>
      </Card>
    </div>
  );
}
