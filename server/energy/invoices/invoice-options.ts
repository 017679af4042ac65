import "server-only";
import { asc, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { clients } from "@/db/schema";
import { assertCan, type Actor } from "@/server/auth/actor";

/** Clients for the filters and forms of the billing pages (staff holding `invoices.read`), by name, at most 1 000. */
export async function invoiceClientOptions(db: Executor, actor: Actor): Promise<{ id: string; code: string; name: string }[]> {
  assertCan(actor, "invoices.read");
  return db
    .select({ id: clients.id, code: clients.code, name: clients.name })
    .from(clients)
    .where(ne(clients.status, "anonymised"))
    .orderBy(asc(sql`lower(${clients.name})`), asc(clients.id))
    .limit(1000);
}
