import { z } from "zod";
import { monitorStates, serverCriticalities, serverEnvironments, serverKinds, serverStatuses } from "@/lib/devops/server-lifecycle";

/**
 * The server inventory: one zod schema per input, shared by the forms, the server actions,
 * the CSV import and the API routes. Error messages are keys of the `validation` namespace.
 */

/** Countries a server may run in (ISO 3166-1 alpha-2): the Maghreb first, then usual hosting countries. */
export const serverCountries = [
  "DZ",
  "MA",
  "TN",
  "LY",
  "MR",
  "EG",
  "FR",
  "BE",
  "CH",
  "DE",
  "NL",
  "GB",
  "IE",
  "ES",
  "IT",
  "PT",
  "FI",
  "SE",
  "PL",
  "US",
  "CA",
  "SG",
  "AE",
  "SA",
  "QA",
  "ZA",
] as const;
export type ServerCountry = (typeof serverCountries)[number];

export const serverSorts = ["hostname", "status", "environment", "created_at", "monitor_state"] as const;
export type ServerSort = (typeof serverSorts)[number];
export const serverSortOrders = ["asc", "desc"] as const;

export const maxAddresses = 16;
export const maxTags = 20;

/** RFC 1123 host name: dot-separated labels of 1–63 letters, digits and inner hyphens; 253 characters at most. */
const labelPattern = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
export function isHostname(value: string): boolean {
  return value.length > 0 && value.length <= 253 && value.split(".").every((label) => labelPattern.test(label));
}

const ipv4 = z.ipv4();
const ipv6 = z.ipv6();
export function isIpAddress(value: string): boolean {
  return ipv4.safeParse(value).success || ipv6.safeParse(value).success;
}

/** A tag: lower-case letters (any script), digits, then also `. _ : / -`; 40 characters at most. */
const tagPattern = /^[\p{L}\p{N}][\p{L}\p{N}._:/-]{0,39}$/u;

/** A list typed as text (form field, CSV cell): items separated by `;`, `,` or white space. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

const unique = (items: string[]) => [...new Set(items)];

const hostname = z.string("serverHostnameInvalid").trim().toLowerCase().refine(isHostname, "serverHostnameInvalid");

/** Addresses: each an IPv4 or IPv6 address (IPv6 lower-cased), duplicates dropped. */
const addresses = z
  .array(z.string("serverAddressInvalid"), "serverAddressInvalid")
  .transform((list) => unique(list.map((a) => a.trim().toLowerCase()).filter((a) => a !== "")))
  .superRefine((list, ctx) => {
    if (list.some((a) => !isIpAddress(a))) ctx.addIssue({ code: "custom", message: "serverAddressInvalid" });
    if (list.length > maxAddresses) ctx.addIssue({ code: "custom", message: "serverAddressesTooMany" });
  });

/** Tags: trimmed, lower-cased, NFC, duplicates dropped. */
const tags = z
  .array(z.string("serverTagInvalid"), "serverTagInvalid")
  .transform((list) => unique(list.map((t) => t.normalize("NFC").trim().toLowerCase()).filter((t) => t !== "")))
  .superRefine((list, ctx) => {
    if (list.some((t) => !tagPattern.test(t))) ctx.addIssue({ code: "custom", message: "serverTagInvalid" });
    if (list.length > maxTags) ctx.addIssue({ code: "custom", message: "serverTagsTooMany" });
  });

const positiveInt = (max: number, message: string) =>
  z.number(message).int(message).positive(message).max(max, message).nullable().optional();
const shortText = (max: number) => z.string("invalid").trim().max(max, "textTooLong");

export const serverFields = {
  hostname,
  addresses,
  kind: z.enum(serverKinds, "serverKindInvalid"),
  /** Provider or datacenter, e.g. "DC Alger — Oued Smar" or "OVHcloud Gravelines". */
  location: z.string("serverLocationInvalid").trim().min(2, "serverLocationInvalid").max(120, "serverLocationInvalid"),
  country: z.enum(serverCountries, "countryInvalid"),
  os: shortText(80),
  cpuCores: positiveInt(4096, "serverCpuInvalid"),
  memoryMb: positiveInt(67_108_864, "serverMemoryInvalid"),
  diskGb: positiveInt(10_000_000, "serverDiskInvalid"),
  environment: z.enum(serverEnvironments, "serverEnvironmentInvalid"),
  role: shortText(60),
  tags,
  team: shortText(60),
  criticality: z.enum(serverCriticalities, "criticalityInvalid"),
  /** Free description. */
  notes: z.string("invalid").trim().max(2000, "serverNotesTooLong"),
  heartbeatSeconds: z
    .number("serverHeartbeatRange")
    .int("serverHeartbeatRange")
    .min(10, "serverHeartbeatRange")
    .max(3600, "serverHeartbeatRange"),
  missedHeartbeats: z.number("serverMissedRange").int("serverMissedRange").min(1, "serverMissedRange").max(20, "serverMissedRange"),
};

/** A new server; it starts `provisioning`. Omitted fields take these defaults. */
export const createServerSchema = z.strictObject({
  ...serverFields,
  addresses: serverFields.addresses.default([]),
  country: serverFields.country.default("DZ"),
  os: serverFields.os.default(""),
  role: serverFields.role.default(""),
  tags: serverFields.tags.default([]),
  team: serverFields.team.default(""),
  criticality: serverFields.criticality.default("medium"),
  notes: serverFields.notes.default(""),
  heartbeatSeconds: serverFields.heartbeatSeconds.default(60),
  missedHeartbeats: serverFields.missedHeartbeats.default(3),
});
export type CreateServerInput = z.input<typeof createServerSchema>;
export type CreateServer = z.output<typeof createServerSchema>;

/** A partial change of the inventory fields (the status has its own endpoint); null clears a size. */
export const updateServerSchema = z
  .strictObject({
    hostname: serverFields.hostname.optional(),
    addresses: serverFields.addresses.optional(),
    kind: serverFields.kind.optional(),
    location: serverFields.location.optional(),
    country: serverFields.country.optional(),
    os: serverFields.os.optional(),
    cpuCores: serverFields.cpuCores,
    memoryMb: serverFields.memoryMb,
    diskGb: serverFields.diskGb,
    environment: serverFields.environment.optional(),
    role: serverFields.role.optional(),
    tags: serverFields.tags.optional(),
    team: serverFields.team.optional(),
    criticality: serverFields.criticality.optional(),
    notes: serverFields.notes.optional(),
    heartbeatSeconds: serverFields.heartbeatSeconds.optional(),
    missedHeartbeats: serverFields.missedHeartbeats.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "nothingToChange");
export type UpdateServerInput = z.input<typeof updateServerSchema>;
export type UpdateServer = z.output<typeof updateServerSchema>;

/** A lifecycle move, always with its reason (kept in the status history). */
export const serverTransitionSchema = z.strictObject({
  status: z.enum(serverStatuses, "serverStatusInvalid"),
  reason: z.string("reasonRequired").trim().min(3, "reasonRequired").max(500, "reasonTooLong"),
});
export type ServerTransition = z.output<typeof serverTransitionSchema>;

export const serverNoteSchema = z.strictObject({
  body: z.string("serverNoteRequired").trim().min(1, "serverNoteRequired").max(2000, "serverNoteTooLong"),
});
export type ServerNote = z.output<typeof serverNoteSchema>;

/** Issuing an agent token; `replace: true` revokes the server's live tokens first. */
export const issueAgentTokenSchema = z.strictObject({ replace: z.boolean("invalid").default(false) });

/** An empty parameter (a submitted empty form field) means "no filter". */
const none = z.literal("");
const filterShape = {
  /** Searches host name, addresses, role and team (case-insensitive, part of the text). */
  q: z.string().trim().max(120, "invalid").optional(),
  status: z.enum(serverStatuses, "invalid").or(none).optional(),
  environment: z.enum(serverEnvironments, "invalid").or(none).optional(),
  kind: z.enum(serverKinds, "invalid").or(none).optional(),
  /** Exact location (provider or datacenter). */
  location: z.string().trim().max(120, "invalid").optional(),
  /** Servers carrying this tag. */
  tag: z.string().trim().toLowerCase().max(40, "invalid").optional(),
  monitor_state: z.enum(monitorStates, "invalid").or(none).optional(),
  criticality: z.enum(serverCriticalities, "invalid").or(none).optional(),
  sort: z.enum(serverSorts, "invalid").or(none).optional(),
  order: z.enum(serverSortOrders, "invalid").or(none).optional(),
};

/** Server filters, shared by the list page, GET /api/servers and GET /api/export/servers. */
export const serverFilters = z.strictObject(filterShape);
export type ServerFilters = z.output<typeof serverFilters>;
export const serverFilterKeys = Object.keys(filterShape) as (keyof ServerFilters)[];

export const listServersQuery = z.strictObject({
  ...filterShape,
  cursor: z.string().max(400, "invalid").optional(),
  limit: z.coerce.number("invalid").int("invalid").min(1, "invalid").max(500, "invalid").default(50),
});
export type ListServersQuery = z.output<typeof listServersQuery>;
