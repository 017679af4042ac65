import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { clients, dataRequests, users } from "@/db/schema";
import type { ProcessDataRequest } from "@/lib/validation/payments";
import { assertCan, type Actor } from "@/server/auth/actor";
import { notifyClientAccounts } from "@/server/energy/payments/notify-client";
import { recordAudit } from "@/server/platform/audit";
import { DomainError } from "@/server/platform/errors";
import { notify } from "@/server/platform/notifications/notify";
import { anonymiseClient } from "./anonymise-client";
import { ownClientId } from "./client-scope";

export type DataRequestDto = {
  id: string;
  kind: string;
  status: "open" | "done" | "rejected";
  reason: string | null;
  outcome: string | null;
  createdAt: string;
  processedAt: string | null;
  client: { id: string; code: string; name: string; status: string };
  requestedBy: { id: string; name: string } | null;
};

/**
 * A client asks for the deletion of its data: one open request at a time (409 otherwise).
 * Audited `data_request.created`; every admin is notified in-app (and by e-mail per their
 * preferences) with a link to /admin/data-requests.
 */
export async function requestDataDeletion(tx: Executor, actor: Actor, input: { reason?: string }): Promise<{ id: string }> {
  const clientId = await ownClientId(tx, actor);
  const [open] = await tx
    .select({ id: dataRequests.id })
    .from(dataRequests)
    .where(and(eq(dataRequests.clientId, clientId), eq(dataRequests.status, "open")))
    .limit(1);
  if (open) throw new DomainError("conflict", "dataRequestOpen");
  const [client] = await tx.select({ code: clients.code }).from(clients).where(eq(clients.id, clientId)).limit(1);
  const reason = input.reason?.trim() || null;
  const [row] = await tx
    .insert(dataRequests)
    .values({ clientId, kind: "deletion", reason, requestedBy: actor.kind === "user" ? actor.id : null })
    .returning({ id: dataRequests.id });
  await recordAudit(tx, {
    actor,
    action: "data_request.created",
    entityType: "data_request",
    entityId: row!.id,
    changes: { clientId: { old: null, new: clientId }, kind: { old: null, new: "deletion" } },
  });
  await notify(tx, {
    to: { role: "admin" },
    kind: "data_request.created",
    severity: "warning",
    titleKey: "dataRequests.notify.created.title",
    bodyKey: "dataRequests.notify.created.body",
    params: { code: client?.code ?? "" },
    link: "/admin/data-requests",
  });
  return { id: row!.id };
}

/** The actor's own latest request (the "my data" page shows whether one is open). */
export async function myLatestDataRequest(
  db: Executor,
  actor: Actor,
): Promise<{ id: string; status: string; createdAt: string; outcome: string | null } | null> {
  const clientId = await ownClientId(db, actor);
  const [row] = await db
    .select()
    .from(dataRequests)
    .where(eq(dataRequests.clientId, clientId))
    .orderBy(desc(dataRequests.createdAt))
    .limit(1);
  return row ? { id: row.id, status: row.status, createdAt: row.createdAt.toISOString(), outcome: row.outcome } : null;
}

/** Requests for the admins, open ones first (oldest first), then the latest processed. Needs `clients.write`. */
export async function listDataRequests(
  db: Executor,
  actor: Actor,
  status: "open" | "processed" = "open",
  limit = 100,
): Promise<DataRequestDto[]> {
  assertCan(actor, "clients.write");
  const rows = await db
    .select({
      request: dataRequests,
      client: { id: clients.id, code: clients.code, name: clients.name, status: clients.status },
      requester: { id: users.id, name: users.name },
    })
    .from(dataRequests)
    .innerJoin(clients, eq(clients.id, dataRequests.clientId))
    .leftJoin(users, eq(users.id, dataRequests.requestedBy))
    .where(status === "open" ? eq(dataRequests.status, "open") : undefined)
    .orderBy(status === "open" ? asc(dataRequests.createdAt) : desc(dataRequests.createdAt))
    .limit(limit);
  return rows
    .filter((r) => status === "open" || r.request.status !== "open")
    .map(({ request: r, client, requester }) => ({
      id: r.id,
      kind: r.kind,
      status: r.status as DataRequestDto["status"],
      reason: r.reason,
      outcome: r.outcome,
      createdAt: r.createdAt.toISOString(),
      processedAt: r.processedAt?.toISOString() ?? null,
      client,
      requestedBy: requester?.id ? { id: requester.id, name: requester.name } : null,
    }));
}

/**
 * An admin processes an open request: `anonymise` (see anonymiseClient: personal fields
 * cleared, accounts disabled, invoices kept) or `reject` with a reason (the client's
 * accounts are told). Needs `clients.write`; a processed request → 409. Audited
 * `data_request.processed` (plus `client.anonymised`).
 */
export async function processDataRequest(
  tx: Executor,
  actor: Actor,
  input: ProcessDataRequest,
  now: Date = new Date(),
): Promise<{ status: "done" | "rejected" }> {
  assertCan(actor, "clients.write");
  const [request] = await tx.select().from(dataRequests).where(eq(dataRequests.id, input.id)).limit(1).for("update");
  if (!request) throw new DomainError("not_found", "notFound");
  if (request.status !== "open") throw new DomainError("conflict", "dataRequestProcessed");
  const processedBy = actor.kind === "user" ? actor.id : null;
  if (input.decision === "anonymise") {
    await anonymiseClient(tx, actor, request.clientId, now);
    // Anonymisation closes every open request of the client.
    await tx
      .update(dataRequests)
      .set({ status: "done", processedBy, processedAt: now, outcome: "anonymised", reason: null })
      .where(and(eq(dataRequests.clientId, request.clientId), eq(dataRequests.status, "open")));
  } else {
    await tx
      .update(dataRequests)
      .set({ status: "rejected", processedBy, processedAt: now, outcome: input.reason })
      .where(eq(dataRequests.id, request.id));
    await notifyClientAccounts(tx, request.clientId, {
      kind: "data_request.rejected",
      severity: "info",
      titleKey: "dataRequests.notify.rejected.title",
      bodyKey: "dataRequests.notify.rejected.body",
      params: { reason: input.reason },
      link: "/client/data",
    });
  }
  const status = input.decision === "anonymise" ? "done" : "rejected";
  await recordAudit(tx, {
    actor,
    action: "data_request.processed",
    entityType: "data_request",
    entityId: request.id,
    changes: {
      status: { old: "open", new: status },
      ...(input.decision === "reject" ? { outcome: { old: null, new: input.reason } } : {}),
    },
  });
  return { status };
}
