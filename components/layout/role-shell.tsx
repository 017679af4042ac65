import type { UserActor } from "@/server/auth/actor";
import { ClientShell } from "./client-shell";
import { StaffShell } from "./staff-shell";

export function RoleShell({ actor, children }: { actor: UserActor; children: React.ReactNode }) {
  return actor.role === "client" ? <ClientShell actor={actor}>{children}</ClientShell> : <StaffShell actor={actor}>{children}</StaffShell>;
}
