import "server-only";
import { contracts } from "@/db/schema";
import type { BillingCycle, ContractStatus } from "@/lib/validation/contracts";

export type ContractRow = typeof contracts.$inferSelect;

/** A contract as the pages see it, with its client, tariff and delivery points. */
export type ContractDto = {
  id: string;
  number: string;
  clientId: string;
  client: { id: string; code: string; name: string };
  tariffId: string;
  tariff: { id: string; code: string; name: string; currency: string };
  startDate: string;
  endDate: string | null;
  billingCycle: BillingCycle;
  subscribedKva: number | null;
  paymentTermDays: number;
  status: ContractStatus;
  deliveryPoints: { id: string; code: string; active: boolean }[];
  createdAt: string;
  updatedAt: string;
};

export type ContractHistoryDto = {
  id: string;
  change: string;
  snapshot: ContractSnapshot;
  changedBy: { id: string; name: string } | null;
  changedAt: string;
};

/** The state kept in contract_history after each change (and compared by the audit). */
export type ContractSnapshot = {
  number: string;
  clientId: string;
  tariffId: string;
  startDate: string;
  endDate: string | null;
  billingCycle: string;
  subscribedKva: number | null;
  paymentTermDays: number;
  status: string;
  deliveryPointIds: string[];
};

export function contractSnapshot(row: ContractRow, deliveryPointIds: string[]): ContractSnapshot {
  return {
    number: row.number,
    clientId: row.clientId,
    tariffId: row.tariffId,
    startDate: row.startDate,
    endDate: row.endDate,
    billingCycle: row.billingCycle,
    subscribedKva: row.subscribedKva,
    paymentTermDays: row.paymentTermDays,
    status: row.status,
    deliveryPointIds: [...deliveryPointIds].sort(),
  };
}
