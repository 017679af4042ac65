import "server-only";
import { asc, desc, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { emissionFactors } from "@/db/schema";
import { assertCan, type Actor } from "@/server/auth/actor";
import { isReference, type FactorCandidate } from "./factor-rule";

type FactorRow = typeof emissionFactors.$inferSelect;

const candidate = (r: FactorRow): FactorCandidate => ({
  id: r.id,
  key: r.key,
  carrier: r.carrier,
  zone: r.zone,
  year: r.year,
  value: r.value,
  unit: r.unit,
  perimeter: r.perimeter,
  source: r.source,
  version: r.version,
});

/** The current version of every factor: the candidates of a computation (factor-rule.ts). */
export async function currentFactors(db: Executor): Promise<FactorCandidate[]> {
  const rows = await db.select().from(emissionFactors).where(isNull(emissionFactors.supersededAt));
  return rows.map(candidate);
}

export type FactorVersion = FactorCandidate & { supersededAt: Date | null; createdBy: string | null; createdAt: Date };
export type FactorWithHistory = FactorVersion & { reference: boolean; history: FactorVersion[] };

/**
 * Every factor (current version) with its older versions, newest first; `reference` marks
 * the factors a computation may use (factor-rule.ts). Needs `environment.read`.
 */
export async function listFactors(db: Executor, actor: Actor): Promise<FactorWithHistory[]> {
  assertCan(actor, "environment.read");
  const rows = await db
    .select()
    .from(emissionFactors)
    .orderBy(
      asc(emissionFactors.carrier),
      asc(emissionFactors.zone),
      desc(emissionFactors.year),
      asc(emissionFactors.key),
      desc(emissionFactors.version),
    );
  const version = (r: FactorRow): FactorVersion => ({
    ...candidate(r),
    supersededAt: r.supersededAt,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
  });
  const byKey = new Map<string, FactorRow[]>();
  for (const r of rows) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
  const out: FactorWithHistory[] = [];
  for (const versions of byKey.values()) {
    const current = versions.find((v) => v.supersededAt === null) ?? versions[0]!;
    out.push({
      ...version(current),
      reference: isReference(current),
      history: versions.filter((v) => v !== current).map(version),
    });
  }
  return out;
}
