import type { Db } from "@/db/client";
import { agentTokens, servers } from "@/db/schema";
import { generateAgentToken, hashAgentToken } from "@/server/devops/agents/agent-tokens";

let counter = 0;

/** A server row of the inventory (the servers module's own service is tested elsewhere). */
export async function makeServer(
  db: Db,
  values: Partial<typeof servers.$inferInsert> = {},
): Promise<{ id: string; hostname: string; status: string; role: string }> {
  const n = ++counter;
  const [row] = await db
    .insert(servers)
    .values({
      hostname: `srv-${Date.now().toString(36)}-${n}.dihya.test`,
      kind: "vm",
      location: "OVH Gravelines",
      environment: "production",
      role: "web",
      status: "running",
      ...values,
    })
    .returning();
  return { id: row!.id, hostname: row!.hostname, status: row!.status, role: row!.role };
}

/** A live agent token of a server; returns the `dha_…` value. */
export async function makeAgentToken(db: Db, serverId: string): Promise<string> {
  const value = generateAgentToken();
  await db.insert(agentTokens).values({ serverId, hash: hashAgentToken(value), hint: value.slice(-4), createdBy: "test" });
  return value;
}
