import type { ClientFormValues } from "@/components/energy/billing-admin/client-form";
import type { ClientDto } from "@/server/energy/clients/client-dto";

/** The client form's text values for a new client, or for an existing one. */
export function clientFormValues(c?: ClientDto): ClientFormValues {
  return {
    kind: c?.kind ?? "person",
    name: c?.name ?? "",
    email: c?.email ?? "",
    phone: c?.phone ?? "",
    addressLine: c?.addressLine ?? "",
    city: c?.city ?? "",
    postalCode: c?.postalCode ?? "",
    country: c?.country ?? "DZ",
    locale: c?.locale ?? "fr",
    taxNumber: c?.taxNumber ?? "",
    status: c?.status === "anonymised" ? "closed" : (c?.status ?? "active"),
  };
}
