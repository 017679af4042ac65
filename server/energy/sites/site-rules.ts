import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { networks, sites } from "@/db/schema";
import { DomainError } from "@/server/platform/errors";

/** 409 `codeTaken` on `code` when another site (any case) already has this code. */
export async function assertSiteCodeFree(tx: Executor, code: string, except?: string): Promise<void> {
  const [taken] = await tx
    .select({ id: sites.id })
    .from(sites)
    .where(sql`lower(${sites.code}) = lower(${code})`)
    .limit(1);
  if (taken && taken.id !== except) throw new DomainError("conflict", "codeTaken", "code");
}

/** 422 `networkUnknown` on `networkId` for an id that names no network. */
export async function assertNetworkExists(tx: Executor, networkId: string): Promise<void> {
  const [row] = await tx.select({ id: networks.id }).from(networks).where(eq(networks.id, networkId)).limit(1);
  if (!row) throw new DomainError("validation_failed", "networkUnknown", "networkId");
}

/**
 * 422 on `parentId` when the parent does not exist (`parentUnknown`), or when it is the
 * site itself or one of its descendants (`parentCycle`): the hierarchy stays a tree.
 */
export async function assertParentAllowed(tx: Executor, parentId: string, siteId?: string): Promise<void> {
  const [parent] = await tx.select({ id: sites.id }).from(sites).where(eq(sites.id, parentId)).limit(1);
  if (!parent) throw new DomainError("validation_failed", "parentUnknown", "parentId");
  if (!siteId) return;
  const seen = new Set<string>();
  for (let current: string | null = parentId; current && !seen.has(current);) {
    if (current === siteId) throw new DomainError("validation_failed", "parentCycle", "parentId");
    seen.add(current);
    const [row]: { parentId: string | null }[] = await tx
      .select({ parentId: sites.parentId })
      .from(sites)
      .where(eq(sites.id, current))
      .limit(1);
    current = row?.parentId ?? null;
  }
}

/** A decommissioned site is final: 409 `siteDecommissioned` for any change. */
export function assertNotDecommissioned(status: string): void {
  if (status === "decommissioned") throw new DomainError("conflict", "siteDecommissioned");
}
