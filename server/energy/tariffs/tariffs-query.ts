import "server-only";
import { and, asc, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { contracts, tariffVersions, tariffs, users } from "@/db/schema";
import type { TariffDefinition } from "@/lib/billing/types";
import type { ListTariffsQuery } from "@/lib/validation/tariffs";
import { assertCan, type Actor } from "@/server/auth/actor";
import { escapeLike, uuidPattern } from "@/server/energy/clients/client-dto";
import { notFound } from "@/server/platform/errors";

export type TariffRow = typeof tariffs.$inferSelect;

export type TariffDto = {
  id: string;
  code: string;
  name: string;
  country: string;
  currency: string;
  description: string | null;
  source: string | null;
  sourceDate: string | null;
  preset: boolean;
  active: boolean;
  /** The open version's validity start (null when none is open). */
  currentFrom: string | null;
  versionCount: number;
  createdAt: string;
  updatedAt: string;
};

export type TariffVersionDto = {
  id: string;
  version: number;
  validFrom: string;
  validTo: string | null;
  definition: TariffDefinition;
  note: string | null;
  createdBy: { id: string; name: string } | null;
  createdAt: string;
};

export type TariffDetailDto = TariffDto & { versions: TariffVersionDto[]; contractCount: number };

const summary = {
  row: tariffs,
  currentFrom: sql<
    string | null
  >`(select max(tv.valid_from)::text from tariff_versions tv where tv.tariff_id = "tariffs"."id" and tv.valid_to is null)`,
  versionCount: sql<number>`(select count(*)::int from tariff_versions tv where tv.tariff_id = "tariffs"."id")`,
};

function toDto(r: { row: TariffRow; currentFrom: string | null; versionCount: number }): TariffDto {
  const { row } = r;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    country: row.country,
    currency: row.currency,
    description: row.description,
    source: row.source,
    sourceDate: row.sourceDate,
    preset: row.preset,
    active: row.active,
    currentFrom: r.currentFrom,
    versionCount: Number(r.versionCount),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Tariffs matching the filters, by name (at most 500: a price list stays short). `clients.read`. */
export async function listTariffs(db: Executor, actor: Actor, query: ListTariffsQuery): Promise<TariffDto[]> {
  assertCan(actor, "clients.read");
  const where: SQL[] = [];
  if (query.q) {
    const like = `%${escapeLike(query.q.normalize("NFC").toLowerCase())}%`;
    where.push(sql`(lower(${tariffs.name}) like ${like} or lower(${tariffs.code}) like ${like})`);
  }
  if (query.country) where.push(eq(tariffs.country, query.country));
  if (query.active) where.push(eq(tariffs.active, query.active === "true"));
  const rows = await db
    .select(summary)
    .from(tariffs)
    .where(and(...where))
    .orderBy(desc(tariffs.active), asc(sql`lower(${tariffs.name})`), asc(tariffs.id))
    .limit(500);
  return rows.map(toDto);
}

/** One tariff with its versions, newest first (`clients.read`); unknown or malformed id → 404. */
export async function getTariff(db: Executor, actor: Actor, id: string): Promise<TariffDetailDto> {
  assertCan(actor, "clients.read");
  if (!uuidPattern.test(id)) throw notFound();
  const [row] = await db.select(summary).from(tariffs).where(eq(tariffs.id, id)).limit(1);
  if (!row) throw notFound();
  const [versions, [count]] = await Promise.all([
    db
      .select({ v: tariffVersions, user: { id: users.id, name: users.name } })
      .from(tariffVersions)
      .leftJoin(users, eq(users.id, tariffVersions.createdBy))
      .where(eq(tariffVersions.tariffId, id))
      .orderBy(desc(tariffVersions.version)),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(contracts)
      .where(eq(contracts.tariffId, id)),
  ]);
  return {
    ...toDto(row),
    contractCount: Number(count?.n ?? 0),
    versions: versions.map(({ v, user }) => ({
      id: v.id,
      version: v.version,
      validFrom: v.validFrom,
      validTo: v.validTo,
      definition: v.definition as TariffDefinition,
      note: v.note,
      createdBy: user?.id ? { id: user.id, name: user.name } : null,
      createdAt: v.createdAt.toISOString(),
    })),
  };
}

/** The open version of a tariff (valid_to null), or null. */
export async function openVersion(db: Executor, tariffId: string) {
  const [row] = await db
    .select()
    .from(tariffVersions)
    .where(and(eq(tariffVersions.tariffId, tariffId), isNull(tariffVersions.validTo)))
    .orderBy(desc(tariffVersions.validFrom))
    .limit(1);
  return row ?? null;
}
