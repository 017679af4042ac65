import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import { assertCan, type Actor } from "@/server/auth/actor";
import { assigneeRoles } from "./assign-incident";

/** Enabled admin and devops accounts, by name: who an incident may be assigned to (`incidents.read`). */
export async function assigneeOptions(tx: Executor, actor: Actor): Promise<{ id: string; name: string }[]> {
  assertCan(actor, "incidents.read");
  return tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(inArray(users.role, [...assigneeRoles]), eq(users.disabled, false)))
    .orderBy(asc(users.name));
}
