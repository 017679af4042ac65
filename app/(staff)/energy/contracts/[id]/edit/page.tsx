import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ContractForm } from "@/components/energy/billing-admin/contract-form";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireUser } from "@/server/auth/guards";
import { contractFormChoices, getContract } from "@/server/energy/contracts/contracts-query";
import { DomainError } from "@/server/platform/errors";
import { requireTemplate } from "@/server/platform/templates";
import { createContractAction, updateContractAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contracts"))("form.editTitle") };
}

/** Edit a contract (`clients.write`); a terminated contract is read-only (404 here). */
export default async function EditContractPage({ params }: { params: Promise<{ id: string }> }) {
  requireTemplate("energy");
  const actor = await requireUser("clients.write");
  const { id } = await params;
  const db = await getDb();
  const contract = await getContract(db, actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "not_found") notFound();
    throw e;
  });
  if (contract.status === "terminated") notFound();
  const choices = await contractFormChoices(db, actor, contract.clientId);
  // Keep the current tariff and points selectable even if archived or deactivated since.
  const tariffs = choices.tariffs.some((x) => x.id === contract.tariffId) ? choices.tariffs : [contract.tariff, ...choices.tariffs];
  const points = [
    ...contract.deliveryPoints
      .filter((d) => !choices.deliveryPoints.some((c) => c.id === d.id))
      .map((d) => ({ id: d.id, code: d.code, city: null })),
    ...choices.deliveryPoints,
  ];
  const t = await getTranslations("contracts");
  return (
    <div>
      <PageHeader title={t("form.editTitle")} description={`${contract.number} · ${contract.client.name}`} />
      <p className="mb-4 text-sm">
        <Link href={`/energy/contracts/${contract.id}`} className="text-primary underline underline-offset-2">
          {t("detail.backToContract")}
        </Link>
      </p>
      <ContractForm
        id={contract.id}
        initial={{
          clientId: contract.clientId,
          tariffId: contract.tariffId,
          deliveryPointIds: contract.deliveryPoints.map((d) => d.id),
          startDate: contract.startDate,
          endDate: contract.endDate ?? "",
          billingCycle: contract.billingCycle,
          subscribedKva: contract.subscribedKva === null ? "" : String(contract.subscribedKva),
          paymentTermDays: String(contract.paymentTermDays),
          status: contract.status,
        }}
        tariffs={tariffs}
        deliveryPoints={points}
        create={createContractAction}
        update={updateContractAction}
      />
    </div>
  );
}
