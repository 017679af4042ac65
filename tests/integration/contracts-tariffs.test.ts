import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, clientAccounts, clientInvitations, contractHistory, invoices, jobs, tariffVersions } from "@/db/schema";
import type { TariffDefinition } from "@/lib/billing/types";
import { createClientSchema, createDeliveryPointSchema } from "@/lib/validation/clients";
import { createContractSchema, updateContractSchema, type CreateContractInput } from "@/lib/validation/contracts";
import { createTariffSchema, tariffVersionInputSchema } from "@/lib/validation/tariffs";
import type { UserActor } from "@/server/auth/actor";
import { authenticate } from "@/server/auth/authenticate";
import { acceptInvitation, hashInvitationToken, invitationState, inviteClient } from "@/server/energy/clients/client-accounts";
import { createClient } from "@/server/energy/clients/clients-service";
import { createDeliveryPoint } from "@/server/energy/clients/delivery-points-service";
import { composeInvitationEmail } from "@/server/energy/clients/invitation-email";
import { contractHistoryOf, listContracts } from "@/server/energy/contracts/contracts-query";
import { changeContractStatus, createContract, updateContract } from "@/server/energy/contracts/contracts-service";
import { getTariff, listTariffs } from "@/server/energy/tariffs/tariffs-query";
import { addTariffVersion, createTariff, updateTariff } from "@/server/energy/tariffs/tariffs-service";
import { DomainError } from "@/server/platform/errors";
import { freshDb } from "../support/db";
import { makeUser } from "../support/maintenance-fixtures";

process.env.AUTH_SECRET ??= "vitest-only-secret-0c9a7e5d3b1f";
let db: Db;
let admin: UserActor;
let user: UserActor;
let clientId: string;
let otherClientId: string;
let tariffId: string;
let dp1: string;
let dp2: string;
let foreignDp: string;

async function failure(promise: Promise<unknown>): Promise<{ status: number; key: string; field?: string } | null> {
  try {
    await promise;
    return null;
  } catch (e) {
    if (e instanceof DomainError) return { status: e.status, key: e.messageKey, field: e.field };
    throw e;
  }
}

const flat = (priceMicro: number): TariffDefinition => ({
  currency: "DZD",
  pricesIncludeTax: false,
  subscription: { amountMinor: 12_000, per: "quarter", vatBp: 1900 },
  energy: { kind: "flat", priceMicro, vatBp: 900 },
});

const contract = (input: Partial<CreateContractInput>) =>
  db.transaction((tx) =>
    createContract(
      tx,
      admin,
      createContractSchema.parse({ clientId, tariffId, deliveryPointIds: [dp1], startDate: "2026-01-01", ...input }),
    ),
  );

beforeAll(async () => {
  db = await freshDb();
  admin = await makeUser(db, "admin", "Amina Benali");
  user = await makeUser(db, "user", "Karim Ould");
  const client = await db.transaction((tx) =>
    createClient(
      tx,
      admin,
      createClientSchema.parse({ kind: "person", name: "Massinissa Aït Ouali", locale: "zgh", email: "m.aitouali@example.dz" }),
    ),
  );
  clientId = client.id;
  otherClientId = (
    await db.transaction((tx) => createClient(tx, admin, createClientSchema.parse({ kind: "company", name: "Sarl Tiziri" })))
  ).id;
  const dp = (owner: string, code: string) =>
    db.transaction(async (tx) => (await createDeliveryPoint(tx, admin, createDeliveryPointSchema.parse({ clientId: owner, code }))).id);
  dp1 = await dp(clientId, "PDL-15-0001");
  dp2 = await dp(clientId, "PDL-15-0002");
  foreignDp = await dp(otherClientId, "PDL-31-0001");
  const tariff = await db.transaction((tx) =>
    createTariff(
      tx,
      admin,
      createTariffSchema.parse({
        code: "bt-res-test",
        name: "Basse tension résidentiel (essai)",
        country: "DZ",
        currency: "DZD",
        validFrom: "2025-01-01",
        definition: flat(1_778_700),
        note: "Première version",
      }),
    ),
  );
  tariffId = tariff.id;
});

describe("tariffs", () => {
  it("creates a tariff with its first open version; a taken code (any case) → 409; a currency mismatch → 422", async () => {
    const tariff = await getTariff(db, admin, tariffId);
    expect(tariff).toMatchObject({ code: "BT-RES-TEST", active: true, currentFrom: "2025-01-01", versionCount: 1 });
    expect(tariff.versions).toMatchObject([{ version: 1, validFrom: "2025-01-01", validTo: null, note: "Première version" }]);
    const again = createTariffSchema.parse({
      code: "BT-res-TEST",
      name: "Doublon",
      country: "DZ",
      currency: "DZD",
      validFrom: "2025-01-01",
      definition: flat(1),
    });
    expect(await failure(db.transaction((tx) => createTariff(tx, admin, again)))).toMatchObject({ status: 409, key: "codeTaken" });
    const mismatch = createTariffSchema.safeParse({
      code: "X-EUR",
      name: "Euro",
      country: "DZ",
      currency: "EUR",
      validFrom: "2025-01-01",
      definition: flat(1),
    });
    expect(mismatch.success).toBe(false);
    expect(mismatch.error?.issues[0]).toMatchObject({ message: "currencyMismatch", path: ["definition", "currency"] });
    const bad = tariffVersionInputSchema.safeParse({
      validFrom: "2026-02-30",
      definition: { currency: "DZD", energy: { kind: "flat", priceMicro: -1, vatBp: 900 } },
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["validFrom", "definition.energy.priceMicro"]));
    expect((await listTariffs(db, admin, { q: "résidentiel" })).map((t) => t.id)).toEqual([tariffId]);
    expect(await failure(listTariffs(db, user, {}))).toMatchObject({ status: 403 });
  });

  it("adds a version that closes the open one at its start; a start not after the open one → 422", async () => {
    const early = tariffVersionInputSchema.parse({ validFrom: "2025-01-01", definition: flat(1_900_000) });
    expect(await failure(db.transaction((tx) => addTariffVersion(tx, admin, tariffId, early)))).toMatchObject({
      status: 422,
      key: "versionNotAfterOpen",
      field: "validFrom",
    });
    const next = tariffVersionInputSchema.parse({ validFrom: "2025-07-01", definition: flat(1_900_000), note: "Révision de juillet" });
    const tariff = await db.transaction((tx) => addTariffVersion(tx, admin, tariffId, next));
    expect(tariff.versions.map((v) => [v.version, v.validFrom, v.validTo])).toEqual([
      [2, "2025-07-01", null],
      [1, "2025-01-01", "2025-07-01"],
    ]);
    expect(tariff.currentFrom).toBe("2025-07-01");
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, tariffId), eq(auditLog.action, "tariff.version_added")));
    expect(audit?.changes).toMatchObject({ version: { old: 1, new: 2 } });
  });

  it("refuses a version that would re-price an issued period (409 closedPeriod); a draft does not block", async () => {
    const c = await contract({ status: "active", startDate: "2025-07-01", endDate: "2025-12-31", deliveryPointIds: [dp2] });
    const invoice = (periodStart: string, periodEnd: string, status: string) => ({
      clientId,
      contractId: c.id,
      periodStart,
      periodEnd,
      status,
      currency: "DZD",
      locale: "zgh",
      subtotalMinor: 100_00,
      taxMinor: 9_00,
      totalMinor: 109_00,
    });
    await db.insert(invoices).values([invoice("2025-07-01", "2025-10-01", "issued"), invoice("2025-10-01", "2026-01-01", "draft")]);
    const inside = tariffVersionInputSchema.parse({ validFrom: "2025-09-01", definition: flat(2_000_000) });
    expect(await failure(db.transaction((tx) => addTariffVersion(tx, admin, tariffId, inside)))).toMatchObject({
      status: 409,
      key: "closedPeriod",
    });
    // Versions unchanged by the refusal.
    const rows = await db.select().from(tariffVersions).where(eq(tariffVersions.tariffId, tariffId)).orderBy(asc(tariffVersions.version));
    expect(rows.map((r) => r.validTo)).toEqual(["2025-07-01", null]);
    // From the end of the issued period on (the draft's period may be re-priced), it is accepted.
    const after = tariffVersionInputSchema.parse({ validFrom: "2025-10-01", definition: flat(2_000_000) });
    const tariff = await db.transaction((tx) => addTariffVersion(tx, admin, tariffId, after));
    expect(tariff.versions[0]).toMatchObject({ version: 3, validFrom: "2025-10-01", validTo: null });
    expect(tariff.versions[1]).toMatchObject({ version: 2, validTo: "2025-10-01" });
    await db.delete(invoices).where(eq(invoices.contractId, c.id));
    await db.transaction((tx) => changeContractStatus(tx, admin, c.id, "terminated"));
  });

  it("archives instead of deleting; an archived tariff takes no new version or contract", async () => {
    const other = await db.transaction((tx) =>
      createTariff(
        tx,
        admin,
        createTariffSchema.parse({
          code: "OLD-1",
          name: "Ancien tarif",
          country: "DZ",
          currency: "DZD",
          validFrom: "2020-01-01",
          definition: flat(1),
        }),
      ),
    );
    const archived = await db.transaction((tx) => updateTariff(tx, admin, other.id, { active: false }));
    expect(archived.active).toBe(false);
    const v = tariffVersionInputSchema.parse({ validFrom: "2027-01-01", definition: flat(2) });
    expect(await failure(db.transaction((tx) => addTariffVersion(tx, admin, other.id, v)))).toMatchObject({
      status: 409,
      key: "tariffArchived",
    });
    expect(await failure(contract({ tariffId: other.id, deliveryPointIds: [dp2] }))).toMatchObject({ status: 422, key: "tariffArchived" });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, other.id), eq(auditLog.action, "tariff.archived")));
    expect(audit).toBeDefined();
    expect(await failure(db.transaction((tx) => updateTariff(tx, user, other.id, { active: true })))).toMatchObject({ status: 403 });
  });
});

describe("contracts", () => {
  let contractId: string;

  it("numbers contracts CTR-<year>-000001 and keeps a history row per change", async () => {
    const c = await contract({ status: "active", endDate: "2026-12-31", billingCycle: "bimonthly" });
    contractId = c.id;
    expect(c.number).toMatch(/^CTR-\d{4}-\d{6}$/);
    expect(c).toMatchObject({ status: "active", billingCycle: "bimonthly", deliveryPoints: [{ id: dp1, code: "PDL-15-0001" }] });
    await db.transaction((tx) =>
      updateContract(tx, admin, c.id, updateContractSchema.parse({ paymentTermDays: 30, deliveryPointIds: [dp1, dp2] })),
    );
    await db.transaction((tx) => changeContractStatus(tx, admin, c.id, "suspended"));
    const history = await contractHistoryOf(db, admin, c.id);
    expect(history.map((h) => h.change)).toEqual(["status", "updated", "created"]);
    expect(history[0]!.snapshot).toMatchObject({ status: "suspended", paymentTermDays: 30, deliveryPointIds: [dp1, dp2].sort() });
    expect(history[2]!.snapshot).toMatchObject({ status: "active", paymentTermDays: 15, deliveryPointIds: [dp1] });
    expect(history[0]!.changedBy?.id).toBe(admin.id);
    const rows = await db.select().from(contractHistory).where(eq(contractHistory.contractId, c.id));
    expect(rows).toHaveLength(3);
    const audits = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, c.id));
    expect(audits.map((a) => a.action).sort()).toEqual(["contract.created", "contract.status_changed", "contract.updated"]);
    const listed = await listContracts(db, admin, { client: clientId, limit: 50 });
    expect(listed.data.map((x) => x.id)).toContain(c.id);
  });

  it("refuses overlapping active contracts on a delivery point (409), not successive ones", async () => {
    expect(await failure(contract({ status: "active", startDate: "2026-06-01", deliveryPointIds: [dp2] }))).toMatchObject({
      status: 409,
      key: "deliveryPointOverlap",
    });
    // A draft may overlap; activating it is what is refused.
    const draft = await contract({ status: "draft", startDate: "2026-06-01", deliveryPointIds: [dp2] });
    expect(await failure(db.transaction((tx) => changeContractStatus(tx, admin, draft.id, "active")))).toMatchObject({
      status: 409,
      key: "deliveryPointOverlap",
    });
    // Starting the day the other ends is fine (periods are half-open).
    const next = await contract({ status: "active", startDate: "2026-12-31", deliveryPointIds: [dp1] });
    expect(next.status).toBe("active");
    // A terminated contract frees its points.
    await db.transaction((tx) => changeContractStatus(tx, admin, contractId, "terminated"));
    expect((await db.transaction((tx) => changeContractStatus(tx, admin, draft.id, "active"))).status).toBe("active");
    expect(await failure(db.transaction((tx) => changeContractStatus(tx, admin, contractId, "active")))).toMatchObject({
      status: 409,
      key: "contractTransition",
    });
  });

  it("checks delivery points belong to the client, dates in order, and permissions", async () => {
    expect(await failure(contract({ deliveryPointIds: [foreignDp] }))).toMatchObject({ status: 422, key: "deliveryPointOtherClient" });
    const reversed = createContractSchema.safeParse({
      clientId,
      tariffId,
      deliveryPointIds: [dp1],
      startDate: "2026-05-01",
      endDate: "2026-04-01",
    });
    expect(reversed.error?.issues[0]).toMatchObject({ message: "contractDatesOrder", path: ["endDate"] });
    expect(
      createContractSchema.safeParse({ clientId, tariffId, deliveryPointIds: [], startDate: "2026-05-01" }).error?.issues[0]?.message,
    ).toBe("deliveryPointsRequired");
    const input = createContractSchema.parse({ clientId, tariffId, deliveryPointIds: [dp1], startDate: "2030-01-01" });
    expect(await failure(db.transaction((tx) => createContract(tx, user, input)))).toMatchObject({ status: 403 });
    expect(await failure(listContracts(db, user, { limit: 5 }))).toMatchObject({ status: 403 });
  });
});

describe("client invitations", () => {
  it("accepts a token once, creating a linked client account in the client's language", async () => {
    const { token, invitationId } = await db.transaction((tx) => inviteClient(tx, admin, { clientId, email: "Invite@Example.dz" }));
    const [row] = await db.select().from(clientInvitations).where(eq(clientInvitations.id, invitationId));
    expect(row?.tokenHash).toBe(hashInvitationToken(token));
    expect(row?.tokenHash).not.toContain(token);
    expect(row?.email).toBe("invite@example.dz");
    const queued = await db.select().from(jobs).where(eq(jobs.kind, "client.invitation.email"));
    expect(queued).toHaveLength(1);
    expect(await invitationState(db, token)).toMatchObject({ state: "valid", email: "invite@example.dz" });

    const account = await db.transaction((tx) => acceptInvitation(tx, { token, name: "Tafsut Aït Ouali", password: "azul fellawen 2026" }));
    expect(account).toMatchObject({ role: "client", locale: "zgh", email: "invite@example.dz" });
    const [link] = await db.select().from(clientAccounts).where(eq(clientAccounts.userId, account.id));
    expect(link?.clientId).toBe(clientId);
    expect((await authenticate("invite@example.dz", "azul fellawen 2026", new Headers({ "x-forwarded-for": "10.8.0.1" }))).kind).toBe("ok");
    expect(await invitationState(db, token)).toEqual({ state: "used" });
    expect(
      await failure(db.transaction((tx) => acceptInvitation(tx, { token, name: "Encore", password: "azul fellawen 2027" }))),
    ).toMatchObject({
      status: 409,
      key: "invitationUsed",
    });
    const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, clientId))).map(
      (a) => a.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["client.invited", "client.invitation.accepted"]));
  });

  it("refuses an expired or unknown token with a clear reason", async () => {
    const past = new Date(Date.now() - 8 * 86_400_000);
    const { token } = await db.transaction((tx) => inviteClient(tx, admin, { clientId, email: "late@example.dz" }, past));
    expect(await invitationState(db, token)).toEqual({ state: "expired" });
    expect(
      await failure(db.transaction((tx) => acceptInvitation(tx, { token, name: "Trop tard", password: "azul fellawen 2026" }))),
    ).toMatchObject({
      status: 409,
      key: "invitationExpired",
    });
    expect(await invitationState(db, "x".repeat(43))).toEqual({ state: "unknown" });
    expect(
      await failure(
        db.transaction((tx) => acceptInvitation(tx, { token: "x".repeat(43), name: "Personne", password: "azul fellawen 2026" })),
      ),
    ).toMatchObject({
      status: 404,
      key: "invitationUnknown",
    });
    // An address already used by an account cannot be invited.
    expect(await failure(db.transaction((tx) => inviteClient(tx, admin, { clientId, email: "invite@example.dz" })))).toMatchObject({
      status: 409,
      key: "emailTaken",
    });
  });

  it("writes the e-mail in the client's language with the link", async () => {
    const mail = await composeInvitationEmail({
      locale: "ar",
      clientName: "Sarl Tiziri",
      link: "https://dihya.example/invitation/abc",
      expiresAt: new Date(),
    });
    expect(mail.html).toContain('lang="ar" dir="rtl"');
    expect(mail.text).toContain("https://dihya.example/invitation/abc");
  });
});
