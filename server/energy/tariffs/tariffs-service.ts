import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { contracts, invoices, tariffVersions, tariffs } from "@/db/schema";
import type { CreateTariff, TariffVersionData, UpdateTariff } from "@/lib/validation/tariffs";
import { assertCan, type Actor } from "@/server/auth/actor";
import { uuidPattern } from "@/server/energy/clients/client-dto";
import { uniqueViolation } from "@/server/energy/sites/unique-violation";
import { diff, recordAudit } from "@/server/platform/audit";
import { DomainError, notFound } from "@/server/platform/errors";
import { getTariff, type TariffDetailDto, type TariffRow } from "./tariffs-query";

const system = { kind: "system", id: "tariffs" } as const;
const codeTaken = (e: unknown) => (uniqueViolation(e, "tariffs_code_key") ? new DomainError("conflict", "codeTaken", "code") : e);

async function lockTariff(tx: Executor, id: string): Promise<TariffRow> {
  if (!uuidPattern.test(id)) throw notFound();
  const [row] = await tx.select().from(tariffs).where(eq(tariffs.id, id)).limit(1).for("update");
  if (!row) throw notFound();
  return row;
}

function snapshot(row: TariffRow): Record<string, unknown> {
  return {
    code: row.code,
    name: row.name,
    country: row.country,
    currency: row.currency,
    description: row.description,
    source: row.source,
    sourceDate: row.sourceDate,
    active: row.active,
  };
}

/**
 * Creates a tariff with its first version (`clients.write`): a code already used (any case)
 * → 409 `codeTaken`; the definition's currency is the tariff's. Audited `tariff.created`.
 */
export async function createTariff(
  tx: Executor,
  actor: Actor,
  input: Omit<CreateTariff, "note"> & { note?: string | null },
  options: { preset?: boolean } = {},
): Promise<TariffDetailDto> {
  assertCan(actor, "clients.write");
  const [taken] = await tx
    .select({ id: tariffs.id })
    .from(tariffs)
    .where(sql`lower(${tariffs.code}) = lower(${input.code})`)
    .limit(1);
  if (taken) throw new DomainError("conflict", "codeTaken", "code");
  if (input.definition.currency !== input.currency) throw new DomainError("validation_failed", "currencyMismatch", "definition.currency");
  const [row] = await tx
    .insert(tariffs)
    .values({
      code: input.code,
      name: input.name.normalize("NFC"),
      country: input.country,
      currency: input.currency,
      description: input.description ?? null,
      source: input.source ?? null,
      sourceDate: input.sourceDate ?? null,
      preset: options.preset ?? false,
    })
    .returning()
    .catch((e: unknown) => {
      throw codeTaken(e);
    });
  if (!row) throw new Error("insert returned nothing");
  await tx.insert(tariffVersions).values({
    tariffId: row.id,
    version: 1,
    validFrom: input.validFrom,
    definition: input.definition,
    note: input.note?.trim() || null,
    createdBy: actor.kind === "user" ? actor.id : null,
  });
  await recordAudit(tx, {
    actor,
    action: "tariff.created",
    entityType: "tariff",
    entityId: row.id,
    changes: diff({}, { ...snapshot(row), validFrom: input.validFrom }),
  });
  return getTariff(tx, system, row.id);
}

/**
 * The last day an issued invoice of this tariff covers: a new version may only start after
 * it, so a closed (invoiced) period is never re-priced. Null when nothing is issued.
 */
export async function lastIssuedPeriodEnd(tx: Executor, tariffId: string): Promise<string | null> {
  const [row] = await tx
    .select({ end: sql<string | null>`max(${invoices.periodEnd})::text` })
    .from(invoices)
    .innerJoin(contracts, eq(contracts.id, invoices.contractId))
    .where(and(eq(contracts.tariffId, tariffId), ne(invoices.status, "draft")));
  return row?.end ?? null;
}

/**
 * Adds a version (`clients.write`) valid from `validFrom`: it must come after the open
 * version's start (422 `versionNotAfterOpen`) and must not fall inside a period already
 * invoiced with this tariff (invoice issued with period_end > validFrom → 409 `closedPeriod`).
 * The open version is closed at `validFrom`. An archived tariff → 409 `tariffArchived`.
 * Audited `tariff.version_added`.
 */
export async function addTariffVersion(
  tx: Executor,
  actor: Actor,
  tariffId: string,
  input: Omit<TariffVersionData, "note"> & { note?: string | null },
): Promise<TariffDetailDto> {
  assertCan(actor, "clients.write");
  const tariff = await lockTariff(tx, tariffId);
  if (!tariff.active) throw new DomainError("conflict", "tariffArchived");
  if (input.definition.currency !== tariff.currency) throw new DomainError("validation_failed", "currencyMismatch", "definition.currency");
  const versions = await tx.select().from(tariffVersions).where(eq(tariffVersions.tariffId, tariff.id));
  const open = versions.filter((v) => v.validTo === null).sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
  const latestStart = versions.reduce<string | null>((m, v) => (m === null || v.validFrom > m ? v.validFrom : m), null);
  if (latestStart !== null && input.validFrom <= latestStart)
    throw new DomainError("validation_failed", "versionNotAfterOpen", "validFrom");
  const closedUntil = await lastIssuedPeriodEnd(tx, tariff.id);
  if (closedUntil !== null && closedUntil > input.validFrom) throw new DomainError("conflict", "closedPeriod", "validFrom");
  if (open) await tx.update(tariffVersions).set({ validTo: input.validFrom }).where(eq(tariffVersions.id, open.id));
  const version = versions.reduce((m, v) => Math.max(m, v.version), 0) + 1;
  const [row] = await tx
    .insert(tariffVersions)
    .values({
      tariffId: tariff.id,
      version,
      validFrom: input.validFrom,
      definition: input.definition,
      note: input.note?.trim() || null,
      createdBy: actor.kind === "user" ? actor.id : null,
    })
    .returning({ id: tariffVersions.id });
  await tx.update(tariffs).set({ updatedAt: new Date() }).where(eq(tariffs.id, tariff.id));
  await recordAudit(tx, {
    actor,
    action: "tariff.version_added",
    entityType: "tariff",
    entityId: tariff.id,
    changes: {
      version: { old: open?.version ?? null, new: version },
      validFrom: { old: open?.validFrom ?? null, new: input.validFrom },
      versionId: { old: open?.id ?? null, new: row?.id ?? null },
    },
  });
  return getTariff(tx, system, tariff.id);
}

/** Edits name, description, source; `active: false` archives (`tariff.archived`), true restores. Never deleted. */
export async function updateTariff(tx: Executor, actor: Actor, id: string, input: UpdateTariff): Promise<TariffDetailDto> {
  assertCan(actor, "clients.write");
  const before = await lockTariff(tx, id);
  const patch: Partial<typeof tariffs.$inferInsert> = {};
  if (input.name !== undefined) patch.name = input.name.normalize("NFC");
  if (input.description !== undefined) patch.description = input.description;
  if (input.source !== undefined) patch.source = input.source;
  if (input.sourceDate !== undefined) patch.sourceDate = input.sourceDate;
  if (input.active !== undefined) patch.active = input.active;
  const changes = diff(snapshot(before), { ...snapshot(before), ...patch });
  if (Object.keys(changes).length > 0) {
    await tx.update(tariffs).set(patch).where(eq(tariffs.id, id));
    const action =
      patch.active === false && before.active
        ? "tariff.archived"
        : patch.active === true && !before.active
          ? "tariff.restored"
          : "tariff.updated";
    await recordAudit(tx, { actor, action, entityType: "tariff", entityId: id, changes });
  }
  return getTariff(tx, system, id);
}
