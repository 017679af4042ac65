import "server-only";
import { z } from "zod";
import { locales } from "@/i18n/config";
import {
  billingCountries,
  clientKinds,
  clientListStatuses,
  createClientSchema,
  listClientsQuery,
  updateClientSchema,
} from "@/lib/validation/clients";
import { billingCycles, contractStatuses } from "@/lib/validation/contracts";
import { endpoint } from "../endpoint";
import { page } from "../schemas";

const clientDto = z.object({
  id: z.uuid(),
  code: z.string().describe("Assigned at creation: CLI-000001, CLI-000002, …"),
  kind: z.enum(clientKinds),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  addressLine: z.string().nullable(),
  city: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.enum(billingCountries).describe("ISO 3166-1 alpha-2; decides the currency of its tariffs."),
  locale: z.enum(locales).describe("Language of the client's invoices, e-mails and accounts."),
  taxNumber: z.string().nullable().describe("NIF (DZ), ICE (MA), SIRET/VAT number (FR)."),
  status: z.enum(clientListStatuses).describe("anonymised: personal data erased after a processed deletion request."),
  anonymisedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

const clientDetailDto = clientDto.extend({
  deliveryPoints: z.array(
    z.object({
      id: z.uuid(),
      clientId: z.uuid(),
      code: z.string().describe("Delivery point reference (PDL/PRM), unique in any case."),
      siteId: z.uuid().nullable(),
      site: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
      addressLine: z.string().nullable(),
      city: z.string().nullable(),
      active: z.boolean(),
      meters: z
        .array(z.object({ id: z.uuid(), code: z.string(), name: z.string(), active: z.boolean() }))
        .describe("A meter belongs to one active delivery point at most."),
    }),
  ),
  contracts: z.array(
    z.object({
      id: z.uuid(),
      number: z.string(),
      status: z.enum(contractStatuses),
      startDate: z.iso.date(),
      endDate: z.iso.date().nullable(),
      billingCycle: z.enum(billingCycles),
      tariff: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    }),
  ),
  accounts: z.array(
    z.object({
      userId: z.uuid(),
      name: z.string(),
      email: z.string(),
      locale: z.string(),
      disabled: z.boolean(),
      lastSignInAt: z.iso.datetime().nullable(),
      createdAt: z.iso.datetime(),
    }),
  ),
  invitations: z.array(
    z.object({
      id: z.uuid(),
      email: z.string(),
      expiresAt: z.iso.datetime(),
      acceptedAt: z.iso.datetime().nullable(),
      state: z.enum(["pending", "accepted", "expired"]),
      createdAt: z.iso.datetime(),
    }),
  ),
});

export const listClients = endpoint({
  id: "listClients",
  method: "GET",
  path: "/api/clients",
  tag: "clients",
  permission: "clients.read",
  template: "energy",
  query: listClientsQuery,
  response: page(clientDto),
});

export const createClient = endpoint({
  id: "createClient",
  method: "POST",
  path: "/api/clients",
  tag: "clients",
  permission: "clients.write",
  template: "energy",
  body: createClientSchema,
  response: clientDto,
  status: 201,
});

export const getClient = endpoint({
  id: "getClient",
  method: "GET",
  path: "/api/clients/{id}",
  tag: "clients",
  permission: "clients.read",
  template: "energy",
  response: clientDetailDto,
});

export const updateClient = endpoint({
  id: "updateClient",
  method: "PATCH",
  path: "/api/clients/{id}",
  tag: "clients",
  permission: "clients.write",
  template: "energy",
  body: updateClientSchema,
  response: clientDto,
});
