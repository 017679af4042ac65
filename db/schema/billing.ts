import { sql } from "drizzle-orm";
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, updatedAt } from "./columns";
import { sites } from "./energy";
import { meters } from "./measurements";
import { users } from "./platform";

/**
 * Billing: clients, delivery points, contracts, versioned tariffs, invoices, payments.
 * Money is integer minor units (`*_minor`, bigint read as number) with an ISO currency beside it;
 * unit prices are integer micro-units of the major currency (`*_micro`: 1.7787 DA = 1,778,700);
 * rates are basis points (`*_bp`: 19 % = 1,900); quantities are integer thousandths (`*_milli`:
 * 450 kWh = 450,000).
 */

/** A person or a company the operator bills. `status`: active | suspended | closed | anonymised. */
export const clients = pgTable(
  "clients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(), // CLI-000123, assigned at creation
    kind: text("kind").notNull(), // person | company
    name: text("name").notNull(),
    email: text("email"),
    phone: text("phone"),
    addressLine: text("address_line"),
    city: text("city"),
    postalCode: text("postal_code"),
    country: text("country").notNull().default("DZ"), // ISO 3166-1 alpha-2
    locale: text("locale").notNull().default("fr"), // fr | kab | zgh | ar | en: invoices, e-mails
    taxNumber: text("tax_number"), // NIF (DZ), ICE (MA), SIRET/TVA (FR)
    status: text("status").notNull().default("active"),
    anonymisedAt: at("anonymised_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("clients_code_key").on(t.code),
    index("clients_name_idx").on(sql`lower(${t.name})`),
    index("clients_status_idx").on(t.status),
  ],
);

/** A client-role account's link to its client (one client, possibly several accounts). */
export const clientAccounts = pgTable(
  "client_accounts",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id),
    createdAt: createdAt(),
  },
  (t) => [index("client_accounts_client_idx").on(t.clientId)],
);

/** An invitation e-mail to open a client account; the token is stored hashed (sha-256 hex). */
export const clientInvitations = pgTable(
  "client_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id),
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: at("expires_at").notNull(),
    acceptedAt: at("accepted_at"),
    userId: uuid("user_id").references(() => users.id),
    invitedBy: uuid("invited_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("client_invitations_token_key").on(t.tokenHash), index("client_invitations_client_idx").on(t.clientId)],
);

/** Where energy is delivered to a client (PDL/PRM): an address and one or more meters. */
export const deliveryPoints = pgTable(
  "delivery_points",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id),
    code: text("code").notNull(),
    siteId: uuid("site_id").references(() => sites.id),
    addressLine: text("address_line"),
    city: text("city"),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("delivery_points_code_key").on(sql`lower(${t.code})`), index("delivery_points_client_idx").on(t.clientId)],
);

export const deliveryPointMeters = pgTable(
  "delivery_point_meters",
  {
    deliveryPointId: uuid("delivery_point_id")
      .notNull()
      .references(() => deliveryPoints.id),
    meterId: uuid("meter_id")
      .notNull()
      .references(() => meters.id),
  },
  (t) => [primaryKey({ columns: [t.deliveryPointId, t.meterId] }), index("delivery_point_meters_meter_idx").on(t.meterId)],
);

/**
 * A tariff (price list) and its versions. A version is valid on [valid_from, valid_to) (dates in
 * the billed delivery point's zone; valid_to null = open). A new version closes the open one;
 * an invoice stores the version it used, so a later change never re-prices a closed period.
 * `definition` is validated by lib/billing/tariff-schema.ts.
 */
export const tariffs = pgTable(
  "tariffs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    country: text("country").notNull(),
    currency: text("currency").notNull(), // DZD | MAD | EUR
    description: text("description"),
    source: text("source"), // where the figures come from (preset label)
    sourceDate: date("source_date"),
    preset: boolean("preset").notNull().default(false),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("tariffs_code_key").on(sql`lower(${t.code})`)],
);

export const tariffVersions = pgTable(
  "tariff_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tariffId: uuid("tariff_id")
      .notNull()
      .references(() => tariffs.id),
    version: integer("version").notNull(),
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to"),
    definition: jsonb("definition").notNull(),
    note: text("note"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("tariff_versions_tariff_version_key").on(t.tariffId, t.version),
    index("tariff_versions_valid_idx").on(t.tariffId, t.validFrom),
  ],
);

/**
 * A supply contract. `billing_cycle`: monthly | bimonthly | quarterly. `status`: draft | active |
 * suspended | terminated. `billed_until` is the end (exclusive) of the last period invoiced.
 */
export const contracts = pgTable(
  "contracts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: text("number").notNull(), // CTR-2026-000042
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id),
    tariffId: uuid("tariff_id")
      .notNull()
      .references(() => tariffs.id),
    startDate: date("start_date").notNull(),
    endDate: date("end_date"),
    billingCycle: text("billing_cycle").notNull().default("monthly"),
    subscribedKva: integer("subscribed_kva"),
    paymentTermDays: integer("payment_term_days").notNull().default(15),
    status: text("status").notNull().default("active"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("contracts_number_key").on(t.number),
    index("contracts_client_idx").on(t.clientId),
    index("contracts_status_idx").on(t.status),
  ],
);

export const contractDeliveryPoints = pgTable(
  "contract_delivery_points",
  {
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id),
    deliveryPointId: uuid("delivery_point_id")
      .notNull()
      .references(() => deliveryPoints.id),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.deliveryPointId] }), index("contract_delivery_points_dp_idx").on(t.deliveryPointId)],
);

/** Every change of a contract: the state after it, who and when. */
export const contractHistory = pgTable(
  "contract_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id),
    change: text("change").notNull(), // created | updated | status
    snapshot: jsonb("snapshot").notNull(),
    changedBy: uuid("changed_by").references(() => users.id),
    changedAt: at("changed_at").notNull().defaultNow(),
  },
  (t) => [index("contract_history_contract_idx").on(t.contractId, t.changedAt)],
);

/** A billing run: a period and a set of contracts, computed by the `billing.run` job. */
export const billingRuns = pgTable(
  "billing_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(), // exclusive
    selection: jsonb("selection").notNull(), // { contractIds?: string[], clientId?, tariffId?, cycle? }
    status: text("status").notNull().default("queued"), // queued | running | done | failed
    total: integer("total").notNull().default(0),
    processed: integer("processed").notNull().default(0),
    created: integer("created").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    errors: jsonb("errors").notNull().default([]), // [{ contractId, code, detail }]
    startedBy: uuid("started_by").references(() => users.id),
    startedAt: at("started_at"),
    finishedAt: at("finished_at"),
    createdAt: createdAt(),
  },
  (t) => [index("billing_runs_created_idx").on(t.createdAt)],
);

/**
 * An invoice or a credit note (`kind`). Drafts have no number; issuing assigns the next number of
 * the (kind, year) sequence inside the issuing transaction. `status`: draft | issued |
 * partially_paid | paid | overdue | cancelled (by a credit note). Issued rows are never edited
 * except for status and paid amount, nor deleted.
 */
export const invoices = pgTable(
  "invoices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull().default("invoice"), // invoice | credit_note
    number: text("number"),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id),
    billingRunId: uuid("billing_run_id").references(() => billingRuns.id),
    creditedInvoiceId: uuid("credited_invoice_id"), // a credit note: the invoice it cancels
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(), // exclusive
    status: text("status").notNull().default("draft"),
    currency: text("currency").notNull(),
    locale: text("locale").notNull(), // the client's language when computed
    subtotalMinor: bigint("subtotal_minor", { mode: "number" }).notNull(),
    taxMinor: bigint("tax_minor", { mode: "number" }).notNull(),
    totalMinor: bigint("total_minor", { mode: "number" }).notNull(),
    paidMinor: bigint("paid_minor", { mode: "number" }).notNull().default(0),
    estimated: boolean("estimated").notNull().default(false),
    consumptionMilli: bigint("consumption_milli", { mode: "number" }).notNull().default(0), // kWh × 1000
    co2Grams: bigint("co2_grams", { mode: "number" }), // location-based CO₂ of the period
    paymentReference: text("payment_reference"),
    issuedAt: at("issued_at"),
    dueDate: date("due_date"),
    paidAt: at("paid_at"),
    cancelledAt: at("cancelled_at"),
    lastReminderAt: at("last_reminder_at"),
    snapshot: jsonb("snapshot"), // identities (operator, client, delivery points) frozen at issue
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("invoices_number_key").on(t.number),
    // One live invoice per contract and period: re-running a period updates the draft, never duplicates.
    uniqueIndex("invoices_contract_period_key")
      .on(t.contractId, t.periodStart)
      .where(sql`${t.kind} = 'invoice' and ${t.status} <> 'cancelled'`),
    index("invoices_client_idx").on(t.clientId, t.periodStart),
    index("invoices_status_idx").on(t.status, t.dueDate),
    index("invoices_run_idx").on(t.billingRunId),
  ],
);

/**
 * A line of an invoice. `kind`: subscription | energy | levy | fee | regularisation | adjustment.
 * `label_key`/`label_params` are translated when shown (the client's language on the PDF).
 * `provenance` traces the line to its readings: { meters: [{ id, code }], from, to, readings,
 * expected, sumMilli, tariffVersionId, touPeriod?, tier?, estimatedMilli?, adjusts?: invoiceId }.
 */
export const invoiceLines = pgTable(
  "invoice_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id),
    position: integer("position").notNull(),
    kind: text("kind").notNull(),
    labelKey: text("label_key").notNull(),
    labelParams: jsonb("label_params").notNull().default({}),
    periodStart: date("period_start"),
    periodEnd: date("period_end"),
    quantityMilli: bigint("quantity_milli", { mode: "number" }).notNull(),
    unit: text("unit").notNull(), // kWh | day | month | unit
    unitPriceMicro: bigint("unit_price_micro", { mode: "number" }).notNull(),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(), // before tax
    vatBp: integer("vat_bp").notNull(),
    estimated: boolean("estimated").notNull().default(false),
    provenance: jsonb("provenance").notNull().default({}),
  },
  (t) => [uniqueIndex("invoice_lines_position_key").on(t.invoiceId, t.position)],
);

/** The last number used per document kind and year; the row lock makes numbering gapless. */
export const invoiceSequences = pgTable(
  "invoice_sequences",
  {
    kind: text("kind").notNull(), // invoice | credit_note
    year: integer("year").notNull(),
    last: integer("last").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.kind, t.year] })],
);

/** A payment received against an invoice. `method`: cash | transfer | cib | edahabia | sandbox. */
export const payments = pgTable(
  "payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    method: text("method").notNull(),
    reference: text("reference"),
    receivedAt: at("received_at").notNull(),
    recordedBy: uuid("recorded_by").references(() => users.id),
    providerEventId: text("provider_event_id"),
    createdAt: createdAt(),
  },
  (t) => [index("payments_invoice_idx").on(t.invoiceId), uniqueIndex("payments_provider_event_key").on(t.providerEventId)],
);

/** Webhook events already processed, per provider: a replay finds its row and changes nothing. */
export const paymentEvents = pgTable(
  "payment_events",
  {
    provider: text("provider").notNull(),
    eventId: text("event_id").notNull(),
    type: text("type").notNull(),
    invoiceId: uuid("invoice_id"),
    receivedAt: at("received_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);

/** A payment started by a client with the built-in sandbox provider. `status`: pending | succeeded | failed | expired. */
export const paymentIntents = pgTable(
  "payment_intents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    status: text("status").notNull().default("pending"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    completedAt: at("completed_at"),
  },
  (t) => [index("payment_intents_invoice_idx").on(t.invoiceId)],
);

/** A client's request to delete its data; an admin processes it (audited anonymisation). `status`: open | done | rejected. */
export const dataRequests = pgTable(
  "data_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id),
    kind: text("kind").notNull().default("deletion"),
    status: text("status").notNull().default("open"),
    reason: text("reason"),
    requestedBy: uuid("requested_by").references(() => users.id),
    processedBy: uuid("processed_by").references(() => users.id),
    processedAt: at("processed_at"),
    outcome: text("outcome"),
    createdAt: createdAt(),
  },
  (t) => [index("data_requests_status_idx").on(t.status, t.createdAt)],
);
