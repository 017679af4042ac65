import { RoleShell } from "@/components/layout/role-shell";
import { requireUser } from "@/server/auth/guards";

/** Renders the shell for the signed-in user. Not a gate: each page checks its own permission. */
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireUser();
  return <RoleShell actor={actor}>{children}</RoleShell>;
}
