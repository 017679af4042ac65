import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { DomainError } from "@/server/platform/errors";
import { readScope } from "./scope";

export type TechnicianOption = { id: string; name: string };

/** An assignee must be an enabled technician account: a field error on `assignedTo` otherwise. */
export async function assertAssignable(tx: Executor, userId: string | null): Promise<void> {
  if (userId === null) return;
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.role, "technician"), eq(users.disabled, false)))
    .limit(1);
  if (!row) throw new DomainError("validation_failed", "assigneeNotTechnician", "assignedTo");
}

/** Enabled technicians by name: the choices of the assignment fields and filters (readers of the planning). */
export async function listTechnicians(db: Executor, actor: Actor): Promise<TechnicianOption[]> {
  readScope(actor);
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.role, "technician"), eq(users.disabled, false)))
    .orderBy(asc(users.name), asc(users.id));
}
