import "server-only";
import type { Executor } from "@/db/client";
import { serverNotes } from "@/db/schema";
import type { ServerNote } from "@/lib/validation/servers";
import { actorLabel, assertCan, type Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/platform/audit";
import { loadServer } from "./server-rules";

export type ServerNoteDto = { id: string; authorLabel: string; body: string; createdAt: string };

/**
 * Adds a dated note to a server (`servers.write`), decommissioned ones included (what was
 * done with the hardware is worth writing down). Audited as `server.note_added`.
 */
export async function addServerNote(tx: Executor, actor: Actor, serverId: string, input: ServerNote): Promise<ServerNoteDto> {
  assertCan(actor, "servers.write");
  await loadServer(tx, serverId, true);
  const [row] = await tx
    .insert(serverNotes)
    .values({ serverId, authorLabel: actorLabel(actor), body: input.body.normalize("NFC") })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  await recordAudit(tx, {
    actor,
    action: "server.note_added",
    entityType: "server",
    entityId: serverId,
    changes: { noteId: { old: null, new: row.id } },
  });
  return { id: row.id, authorLabel: row.authorLabel, body: row.body, createdAt: row.createdAt.toISOString() };
}
