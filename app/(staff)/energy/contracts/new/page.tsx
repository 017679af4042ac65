import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ContractForm } from "@/components/energy/billing-admin/contract-form";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { getDb } from "@/db/client";
import { requireUser } from "@/server/auth/guards";
import { clientChoices } from "@/server/energy/clients/clients-query";
import { contractFormChoices } from "@/server/energy/contracts/contracts-query";
import { requireTemplate } from "@/server/platform/templates";
import { createContractAction, updateContractAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contracts"))("form.newTitle") };
}

/** A new contract (`clients.write`): first the client (?client=), then its terms and delivery points. */
export default async function NewContractPage({ searchParams }: { searchParams: Promise<{ client?: string }> }) {
  requireTemplate("energy");
  const actor = await requireUser("clients.write");
  const t = await getTranslations("contracts");
  const db = await getDb();
  const clients = await clientChoices(db, actor);
  const { client: wanted } = await searchParams;
  const client = clients.find((c) => c.id === wanted) ?? null;
  const choices = await contractFormChoices(db, actor, client?.id ?? null);
  return (
    <div>
      <PageHeader title={t("form.newTitle")} description={client ? `${client.name} (${client.code})` : t("form.newDescription")} />
      <form
        action="/energy/contracts/new"
        className="mb-6 flex max-w-3xl flex-wrap items-end gap-2 rounded-lg border border-line bg-surface p-4"
      >
        <div className="min-w-0 flex-1 space-y-1">
          <label htmlFor="client" className="block text-sm font-semibold">
            {t("fields.client")}
          </label>
          <select id="client" name="client" defaultValue={client?.id ?? ""} className={inputClass}>
            <option value="">{t("form.chooseClient")}</option>
            {clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.code})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          {t("form.pickClient")}
        </button>
      </form>
      {client ? (
        <ContractForm
          initial={{
            clientId: client.id,
            tariffId: "",
            deliveryPointIds: choices.deliveryPoints.length === 1 ? [choices.deliveryPoints[0]!.id] : [],
            startDate: "",
            endDate: "",
            billingCycle: "monthly",
            subscribedKva: "",
            paymentTermDays: "15",
            status: "draft",
          }}
          tariffs={choices.tariffs}
          deliveryPoints={choices.deliveryPoints}
          create={createContractAction}
          update={updateContractAction}
        />
      ) : (
        <p className="text-sm text-muted">
          {t("form.clientFirst")}{" "}
          <Link href="/energy/clients/new" className="text-primary underline underline-offset-2">
            {t("form.newClient")}
          </Link>
        </p>
      )}
    </div>
  );
}
