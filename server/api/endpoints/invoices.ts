import "server-only";
import { z } from "zod";
import {
  createInvoicesSchema,
  exportInvoicesQuery,
  invoiceKinds,
  invoiceLineKinds,
  invoicePdfQuery,
  invoiceStatuses,
  listInvoicesQuery,
  paymentMethods,
} from "@/lib/validation/invoices";
import { endpoint } from "../endpoint";
import { page } from "../schemas";

const money = (what: string) => z.number().int().describe(`${what}, integer minor units of \`currency\` (170710 = 1,707.10).`);

const invoiceSummaryDto = z.object({
  id: z.uuid(),
  kind: z.enum(invoiceKinds),
  number: z.string().nullable().describe("Assigned at issue (FAC-<year>-<6 digits>, AV-… for credit notes); null for a draft."),
  status: z.enum(invoiceStatuses),
  overdue: z.boolean().describe("Issued, not fully paid and past its due date."),
  client: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  contract: z.object({ id: z.uuid(), number: z.string() }),
  billingRunId: z.uuid().nullable(),
  creditedInvoiceId: z.uuid().nullable().describe("A credit note: the invoice it cancels."),
  periodStart: z.iso.date(),
  periodEnd: z.iso.date().describe("Exclusive."),
  currency: z.string(),
  locale: z.string().describe("The client's language when computed (the PDF's default language)."),
  subtotalMinor: money("Before tax"),
  taxMinor: money("VAT"),
  totalMinor: money("Tax included"),
  paidMinor: money("Paid so far"),
  balanceMinor: money("Left to pay (0 for a draft or a cancelled invoice)"),
  estimated: z.boolean().describe("Some consumption was estimated (missing readings filled in)."),
  consumptionMilli: z.number().int().describe("kWh × 1000."),
  co2Grams: z.number().int().nullable().describe("Location-based CO₂ of the period, grams."),
  paymentReference: z.string().nullable(),
  issuedAt: z.iso.datetime().nullable(),
  dueDate: z.iso.date().nullable(),
  paidAt: z.iso.datetime().nullable(),
  cancelledAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

const invoiceLineDto = z.object({
  id: z.uuid(),
  position: z.number().int(),
  kind: z.enum(invoiceLineKinds),
  labelKey: z.string().describe("Message key of the label (translated on the PDF and the pages)."),
  labelParams: z.record(z.string(), z.union([z.string(), z.number()])),
  periodStart: z.iso.date().nullable(),
  periodEnd: z.iso.date().nullable(),
  quantityMilli: z.number().int().describe("Quantity × 1000 in `unit`."),
  unit: z.string().describe("kWh | day | month | unit"),
  unitPriceMicro: z.number().int().describe("Unit price in micro-units of the currency (1.7787 = 1778700)."),
  amountMinor: money("Before tax"),
  vatBp: z.number().int().describe("VAT rate in basis points (1900 = 19 %)."),
  estimated: z.boolean(),
  provenance: z
    .record(z.string(), z.unknown())
    .describe(
      "The readings behind the line: { meters: [{ id, code }], from, to, readings, expected, sumMilli, estimatedMilli?, adjusts? }.",
    ),
});

const invoiceDto = invoiceSummaryDto.extend({
  client: z.object({
    id: z.uuid(),
    code: z.string(),
    kind: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    addressLine: z.string().nullable(),
    city: z.string().nullable(),
    postalCode: z.string().nullable(),
    country: z.string(),
    locale: z.string(),
    taxNumber: z.string().nullable(),
  }),
  contract: z.object({
    id: z.uuid(),
    number: z.string(),
    billingCycle: z.string(),
    paymentTermDays: z.number().int(),
    subscribedKva: z.number().int().nullable(),
    tariff: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  }),
  deliveryPoints: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      addressLine: z.string().nullable(),
      city: z.string().nullable(),
      meters: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
    }),
  ),
  lines: z.array(invoiceLineDto),
  taxes: z.array(z.object({ vatBp: z.number().int(), baseMinor: z.number().int(), taxMinor: z.number().int() })),
  payments: z.array(
    z.object({
      id: z.uuid(),
      amountMinor: z.number().int(),
      currency: z.string(),
      method: z.enum(paymentMethods),
      reference: z.string().nullable(),
      receivedAt: z.iso.datetime(),
      createdAt: z.iso.datetime(),
    }),
  ),
  creditedInvoice: z.object({ id: z.uuid(), number: z.string().nullable() }).nullable(),
  creditNotes: z.array(
    z.object({ id: z.uuid(), number: z.string().nullable(), status: z.enum(invoiceStatuses), totalMinor: z.number().int() }),
  ),
  snapshot: z.record(z.string(), z.unknown()).nullable().describe("Identities frozen at issue."),
});

export const listInvoices = endpoint({
  id: "listInvoices",
  method: "GET",
  path: "/api/factures",
  tag: "invoices",
  permission: "invoices.read",
  orPermission: "invoices.own",
  template: "energy",
  query: listInvoicesQuery,
  response: page(invoiceSummaryDto),
});

export const createInvoices = endpoint({
  id: "createInvoices",
  method: "POST",
  path: "/api/factures",
  tag: "invoices",
  permission: "invoices.write",
  template: "energy",
  body: createInvoicesSchema,
  response: z.object({
    data: z.array(
      z.object({
        contractId: z.uuid(),
        outcome: z.enum(["created", "updated", "skipped", "failed"]),
        code: z.string().optional().describe("Why the contract could not be billed (failed)."),
        detail: z.string().optional(),
        invoice: invoiceDto.nullable(),
      }),
    ),
  }),
  status: 201,
});

export const getInvoice = endpoint({
  id: "getInvoice",
  method: "GET",
  path: "/api/factures/{id}",
  tag: "invoices",
  permission: "invoices.read",
  orPermission: "invoices.own",
  template: "energy",
  response: invoiceDto,
});

export const getInvoicePdf = endpoint({
  id: "getInvoicePdf",
  method: "GET",
  path: "/api/factures/{id}/pdf",
  tag: "invoices",
  permission: "invoices.read",
  orPermission: "invoices.own",
  template: "energy",
  query: invoicePdfQuery,
  produces: "application/pdf",
});

export const exportInvoices = endpoint({
  id: "exportInvoices",
  method: "GET",
  path: "/api/export/factures",
  tag: "invoices",
  permission: "invoices.read",
  template: "energy",
  query: exportInvoicesQuery,
  produces: "text/csv",
});
