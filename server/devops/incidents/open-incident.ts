import "server-only";
import { inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { servers } from "@/db/schema";
import type { OpenIncident } from "@/lib/validation/incidents";
import { assertCan, can, type Actor } from "@/server/auth/actor";
import { DomainError } from "@/server/platform/errors";
import { createIncident, type IncidentRow } from "./create-incident";
import { openerLabel } from "./incident-access";

/** 422 unless every id is a known server (manager-only input). */
export async function assertServersExist(tx: Executor, actor: Actor, serverIds: string[]): Promise<string[]> {
  const ids = [...new Set(serverIds)];
  if (ids.length === 0) return ids;
  if (!can(actor, "incidents.manage")) throw new DomainError("forbidden", "incidentServersForbidden", "serverIds");
  const found = await tx.select({ id: servers.id }).from(servers).where(inArray(servers.id, ids));
  if (found.length !== ids.length) throw new DomainError("validation_failed", "incidentServerUnknown", "serverIds");
  return serverIds.filter((id, i) => serverIds.indexOf(id) === i);
}

/**
 * Opens an incident (`incidents.create`: admin, devops, user, partners with incidents:write).
 * Only managers relate servers (users cannot read the inventory). The SLA policy comes from
 * the first server's country, else the default; deadlines are snapshotted in business time.
 */
export async function openIncident(
  tx: Executor,
  actor: Actor,
  input: OpenIncident,
  options: { at?: Date; source?: "ui" | "api" } = {},
): Promise<IncidentRow> {
  assertCan(actor, "incidents.create");
  const serverIds = await assertServersExist(tx, actor, input.serverIds);
  return createIncident(tx, actor, {
    title: input.title.normalize("NFC"),
    description: input.description.normalize("NFC"),
    severity: input.severity,
    serverIds,
    source: options.source ?? (actor.kind === "user" ? "ui" : "api"),
    openedById: actor.kind === "user" ? actor.id : null,
    openedByLabel: openerLabel(actor),
    at: options.at ?? new Date(),
  });
}
