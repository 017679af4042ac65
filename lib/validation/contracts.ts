import { z } from "zod";

/** Contracts: shared by the forms, the server actions and the services. Messages are `validation` keys. */
export const billingCycles = ["monthly", "bimonthly", "quarterly"] as const;
export type BillingCycle = (typeof billingCycles)[number];

export const contractStatuses = ["draft", "active", "suspended", "terminated"] as const;
export type ContractStatus = (typeof contractStatuses)[number];

/** Allowed status changes; `terminated` is final. */
export const contractTransitions: Record<ContractStatus, readonly ContractStatus[]> = {
  draft: ["active", "terminated"],
  active: ["suspended", "terminated"],
  suspended: ["active", "terminated"],
  terminated: [],
};

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 is refused). */
export const isoDate = z
  .string("dateInvalid")
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "dateInvalid")
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && v >= "2000-01-01" && v <= "2100-12-31";
  }, "dateInvalid");

const optionalEnd = z
  .union([isoDate, z.literal("").transform(() => null)])
  .nullable()
  .optional();
const optionalKva = z
  .union([z.number("kvaInvalid").int("kvaInvalid").min(1, "kvaInvalid").max(1_000_000, "kvaInvalid"), z.literal("").transform(() => null)])
  .nullable()
  .optional();
const paymentTermDays = z
  .number("paymentTermInvalid")
  .int("paymentTermInvalid")
  .min(0, "paymentTermInvalid")
  .max(180, "paymentTermInvalid");
const deliveryPointIds = z
  .array(z.uuid("invalid"), "deliveryPointsRequired")
  .min(1, "deliveryPointsRequired")
  .max(200, "invalid")
  .transform((ids) => [...new Set(ids)]);

const datesInOrder = (v: { startDate?: string; endDate?: string | null }) => !v.startDate || !v.endDate || v.startDate < v.endDate;
const datesIssue = { message: "contractDatesOrder", path: ["endDate"] };

export const createContractSchema = z
  .strictObject({
    clientId: z.uuid("clientUnknown"),
    tariffId: z.uuid("tariffRequired"),
    deliveryPointIds,
    startDate: isoDate,
    endDate: optionalEnd,
    billingCycle: z.enum(billingCycles, "billingCycleInvalid").default("monthly"),
    subscribedKva: optionalKva,
    paymentTermDays: paymentTermDays.default(15),
    /** A new contract starts as a draft (nothing billed) or active. */
    status: z.enum(["draft", "active"], "contractStatusInvalid").default("draft"),
  })
  .refine(datesInOrder, datesIssue);
export type CreateContractInput = z.input<typeof createContractSchema>;
export type CreateContract = z.output<typeof createContractSchema>;

/** A partial edit; the client is fixed, status changes go through `changeContractStatusSchema`. */
export const updateContractSchema = z
  .strictObject({
    tariffId: z.uuid("tariffRequired").optional(),
    deliveryPointIds: deliveryPointIds.optional(),
    startDate: isoDate.optional(),
    endDate: optionalEnd,
    billingCycle: z.enum(billingCycles, "billingCycleInvalid").optional(),
    subscribedKva: optionalKva,
    paymentTermDays: paymentTermDays.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "nothingToChange")
  .refine(datesInOrder, datesIssue);
export type UpdateContractInput = z.input<typeof updateContractSchema>;
export type UpdateContract = z.output<typeof updateContractSchema>;

export const changeContractStatusSchema = z.strictObject({
  status: z.enum(contractStatuses, "contractStatusInvalid"),
});

const blank = z.literal("").transform(() => undefined);
export const contractFilterKeys = ["q", "client", "status", "tariff", "cycle"] as const;
export const listContractsQuery = z.strictObject({
  /** Searches the contract number and the client's name or code. */
  q: z.string().trim().max(120, "invalid").optional(),
  client: z.uuid("invalid").or(blank).optional(),
  status: z.enum(contractStatuses, "invalid").or(blank).optional(),
  tariff: z.uuid("invalid").or(blank).optional(),
  cycle: z.enum(billingCycles, "invalid").or(blank).optional(),
  cursor: z.string().max(400, "invalid").optional(),
  limit: z.coerce.number("invalid").int("invalid").min(1, "invalid").max(500, "invalid").default(50),
});
export type ListContractsQuery = z.output<typeof listContractsQuery>;
