import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { equipment, sites } from "@/db/schema";
import type { Role } from "@/lib/permissions";
import type { UserActor } from "@/server/auth/actor";
import { createUser, updateUser } from "@/server/users/users-service";
import { systemActor } from "./db";

let counter = 0;
const next = () => `${Date.now().toString(36)}${++counter}`;

/** A real account of `role` (through the users service) and its actor. */
export async function makeUser(db: Db, role: Role, name: string, options: { disabled?: boolean } = {}): Promise<UserActor> {
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, ".")}.${next()}@example.dz`;
  const user = await db.transaction((tx) =>
    createUser(tx, systemActor, { name, email, role, locale: "fr", password: "long enough password 2026" }),
  );
  if (options.disabled) await db.transaction((tx) => updateUser(tx, systemActor, user.id, { disabled: true }));
  return { kind: "user", id: user.id, role, name, email, locale: "fr", theme: "system" };
}

/** A site row (the sites module's own service is tested elsewhere). */
export async function makeSite(db: Db, values: { name?: string; timezone?: string; status?: string } = {}): Promise<string> {
  const code = `T-${next()}`;
  const [row] = await db
    .insert(sites)
    .values({
      code,
      name: values.name ?? `Centrale solaire ${code}`,
      type: "solar_park",
      region: "Adrar",
      address: "Route nationale 6, Adrar",
      timezone: values.timezone ?? "Africa/Algiers",
      status: values.status ?? "in_service",
    })
    .returning({ id: sites.id });
  return row!.id;
}

/** An equipment row on a site, with an optional preventive plan. */
export async function makeEquipment(
  db: Db,
  siteId: string,
  values: Partial<
    Pick<typeof equipment.$inferInsert, "name" | "type" | "planKind" | "planInterval" | "lastServiceOn" | "nextDueOn" | "commissionedOn">
  > = {},
): Promise<string> {
  const [row] = await db
    .insert(equipment)
    .values({
      siteId,
      name: values.name ?? `Onduleur ${next()}`,
      type: values.type ?? "inverter",
      qrToken: randomBytes(16).toString("hex"),
      planKind: values.planKind ?? null,
      planInterval: values.planInterval ?? null,
      lastServiceOn: values.lastServiceOn ?? null,
      nextDueOn: values.nextDueOn ?? null,
      commissionedOn: values.commissionedOn ?? null,
    })
    .returning({ id: equipment.id });
  return row!.id;
}
