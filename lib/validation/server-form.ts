import { z } from "zod";
import { accessGrantSchema, type AccessGrantInput } from "./server-access";
import { createServerSchema, splitList, type CreateServerInput } from "./servers";

/** The create/edit form: every field as typed text, turned into the API shape, then checked by it. */
export type ServerFormValues = {
  hostname: string;
  addresses: string;
  kind: string;
  location: string;
  country: string;
  os: string;
  cpuCores: string;
  memoryMb: string;
  diskGb: string;
  environment: string;
  role: string;
  tags: string;
  team: string;
  criticality: string;
  notes: string;
  heartbeatSeconds: string;
  missedHeartbeats: string;
};

export const serverFormKeys = [
  "hostname",
  "addresses",
  "kind",
  "location",
  "country",
  "os",
  "cpuCores",
  "memoryMb",
  "diskGb",
  "environment",
  "role",
  "tags",
  "team",
  "criticality",
  "notes",
  "heartbeatSeconds",
  "missedHeartbeats",
] as const satisfies readonly (keyof ServerFormValues)[];

/** Whole numbers typed with optional spaces ("16 384"); anything else is passed on as NaN (refused). */
const count = (v: string) => {
  const text = v.replace(/[\s\u00a0\u202f]/g, "");
  return text === "" ? null : /^\d+$/.test(text) ? Number(text) : Number.NaN;
};

export function formToServer(v: ServerFormValues): CreateServerInput {
  return {
    hostname: v.hostname,
    addresses: splitList(v.addresses),
    kind: v.kind as CreateServerInput["kind"],
    location: v.location,
    country: v.country as CreateServerInput["country"],
    os: v.os,
    cpuCores: count(v.cpuCores),
    memoryMb: count(v.memoryMb),
    diskGb: count(v.diskGb),
    environment: v.environment as CreateServerInput["environment"],
    role: v.role,
    tags: splitList(v.tags),
    team: v.team,
    criticality: v.criticality as CreateServerInput["criticality"],
    notes: v.notes,
    heartbeatSeconds: count(v.heartbeatSeconds) ?? Number.NaN,
    missedHeartbeats: count(v.missedHeartbeats) ?? Number.NaN,
  };
}

const formShape = z.object(Object.fromEntries(serverFormKeys.map((k) => [k, z.string()])) as Record<keyof ServerFormValues, z.ZodString>);

/** Client-side check of the form with the API rules (error paths are the form's field names). */
export const serverFormSchema = formShape.transform((v) => formToServer(v)).pipe(createServerSchema);

/** The access grant form: text values; the end date from a `datetime-local` field (the browser's zone). */
export type GrantFormValues = { principal: string; level: string; sshKeyFingerprint: string; expiresAt: string; reason: string };

/** `YYYY-MM-DDTHH:MM` read in the zone of whoever runs this (the browser), as ISO 8601 UTC; "" → null; anything else unchanged (refused). */
export function localToIso(value: string): string | null {
  const text = value.trim();
  if (text === "") return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(text)) return text;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
}

export function formToGrant(v: GrantFormValues): AccessGrantInput {
  return {
    principal: v.principal,
    level: v.level as AccessGrantInput["level"],
    sshKeyFingerprint: v.sshKeyFingerprint,
    expiresAt: localToIso(v.expiresAt),
    reason: v.reason,
  };
}

export const grantFormSchema = z
  .object({ principal: z.string(), level: z.string(), sshKeyFingerprint: z.string(), expiresAt: z.string(), reason: z.string() })
  .transform(formToGrant)
  .pipe(accessGrantSchema);
