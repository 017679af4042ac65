import "server-only";
import { clients } from "@/db/schema";
import type { BillingCountry, ClientKind, ClientStatus } from "@/lib/validation/clients";
import type { BillingCycle, ContractStatus } from "@/lib/validation/contracts";

export type ClientRow = typeof clients.$inferSelect;

/** A client as the API and the pages see it. */
export type ClientDto = {
  id: string;
  code: string;
  kind: ClientKind;
  name: string;
  email: string | null;
  phone: string | null;
  addressLine: string | null;
  city: string | null;
  postalCode: string | null;
  country: BillingCountry;
  locale: string;
  taxNumber: string | null;
  status: ClientStatus;
  anonymisedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type DeliveryPointDto = {
  id: string;
  clientId: string;
  code: string;
  siteId: string | null;
  site: { id: string; code: string; name: string } | null;
  addressLine: string | null;
  city: string | null;
  active: boolean;
  meters: { id: string; code: string; name: string; active: boolean }[];
};

export type ClientContractSummary = {
  id: string;
  number: string;
  status: ContractStatus;
  startDate: string;
  endDate: string | null;
  billingCycle: BillingCycle;
  tariff: { id: string; code: string; name: string };
};

export type ClientAccountDto = {
  userId: string;
  name: string;
  email: string;
  locale: string;
  disabled: boolean;
  lastSignInAt: string | null;
  createdAt: string;
};

export type ClientInvitationDto = {
  id: string;
  email: string;
  expiresAt: string;
  acceptedAt: string | null;
  /** At the time of reading: accepted, still pending, or expired unused. */
  state: "pending" | "accepted" | "expired";
  createdAt: string;
};

/** One client with everything its page shows. */
export type ClientDetailDto = ClientDto & {
  deliveryPoints: DeliveryPointDto[];
  contracts: ClientContractSummary[];
  accounts: ClientAccountDto[];
  invitations: ClientInvitationDto[];
};

export function toClientDto(row: ClientRow): ClientDto {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind as ClientKind,
    name: row.name,
    email: row.email,
    phone: row.phone,
    addressLine: row.addressLine,
    city: row.city,
    postalCode: row.postalCode,
    country: row.country as BillingCountry,
    locale: row.locale,
    taxNumber: row.taxNumber,
    status: row.status as ClientStatus,
    anonymisedAt: row.anonymisedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The fields an audit row compares (bookkeeping columns left out). */
export function clientSnapshot(row: ClientRow): Record<string, unknown> {
  return {
    code: row.code,
    kind: row.kind,
    name: row.name,
    email: row.email,
    phone: row.phone,
    addressLine: row.addressLine,
    city: row.city,
    postalCode: row.postalCode,
    country: row.country,
    locale: row.locale,
    taxNumber: row.taxNumber,
    status: row.status,
  };
}

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);
