import "server-only";
import { count } from "drizzle-orm";
import { getDb } from "@/db/client";
import { migrate } from "@/db/migrate";
import { users } from "@/db/schema";
import { demoAccounts, demoPartnerKey, demoPassword } from "@/db/seed/demo-accounts";
import { seedBillingDemo } from "@/db/seed/billing";
import { seedDevopsDemo } from "@/db/seed/devops";
import { seedSlaReference } from "@/db/seed/devops/sla";
import { seedEnergyDemo } from "@/db/seed/energy";
import { seedEmissionFactors } from "@/db/seed/energy/emission-factors";
import { seedDemoReadings } from "@/db/seed/energy/readings";
import { partnerScopes } from "@/lib/permissions";
import { createApiKeyRecord } from "@/server/auth/api-key-records";
import { runForecastsForAllMeters } from "@/server/energy/forecast/run-all";
import type { SystemActor } from "@/server/auth/actor";
import { startInProcessJobs } from "@/server/platform/jobs/start";
import { armSetup } from "@/server/platform/setup";
import { createUser } from "@/server/users/users-service";

const seedActor: SystemActor = { kind: "system", id: "seed" };
const noRequest = { ip: null, userAgent: null, requestId: null };

/**
 * Runs once when the server starts: applies migrations, then on an empty database loads
 * the demo (DIHYA_SEED=demo, the default) or creates the first admin from
 * DIHYA_ADMIN_EMAIL / DIHYA_ADMIN_PASSWORD (DIHYA_SEED=none). Demo data goes through the
 * same services as real data. Then starts the in-process job runner (see jobs/start.ts).
 */
export async function bootstrap(): Promise<void> {
  await migrate();
  // Reference data every installation needs (the cited emission factors); never undoes an edit.
  await (await getDb()).transaction((tx) => seedEmissionFactors(tx));
  // SLA calendars (DZ, MA, FR: working hours, weekends, holidays) and their policies; never undoes an edit.
  await (await getDb()).transaction((tx) => seedSlaReference(tx));
  await loadFirstData();
  await startInProcessJobs();
  // Readings from IoT gateways over MQTT when MQTT_URL is set (nothing otherwise).
  const { startMqttIngest } = await import("@/server/energy/readings/mqtt");
  await startMqttIngest();
}

async function loadFirstData(): Promise<void> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) return;
  const mode = process.env.DIHYA_SEED ?? "demo";
  await db.transaction(async (tx) => {
    if (mode === "demo") {
      for (const account of demoAccounts) {
        await createUser(tx, seedActor, { ...account, locale: account.locale as "fr", password: demoPassword });
      }
      await createApiKeyRecord(tx, seedActor, {
        name: "Démo IoT",
        scopes: Object.keys(partnerScopes),
        value: demoPartnerKey,
        context: noRequest,
      });
      const energy = await seedEnergyDemo(tx, seedActor);
      const readings = await seedDemoReadings(tx);
      await runForecastsForAllMeters(tx);
      const billing = await seedBillingDemo(tx, seedActor);
      const devops = await seedDevopsDemo(tx, seedActor);
      console.log(
        `[dihya] demo data loaded: ${demoAccounts.length} accounts, the "Démo IoT" partner key, ` +
          `${energy.networks} networks, ${energy.sites} sites, ${energy.equipment} pieces of equipment with a year of maintenance, ` +
          `${readings.meters} meters with ${readings.readings} readings, ` +
          `${billing.clients} clients with ${billing.invoices} invoices and ${billing.payments} payments, ` +
          `${devops.servers} servers with ${devops.points} metric points, ${devops.rules} alert rules and ${devops.incidents} incidents`,
      );
    } else if (process.env.DIHYA_ADMIN_EMAIL && process.env.DIHYA_ADMIN_PASSWORD) {
      await createUser(tx, seedActor, {
        name: "Administrateur",
        email: process.env.DIHYA_ADMIN_EMAIL.toLowerCase(),
        role: "admin",
        locale: "fr",
        password: process.env.DIHYA_ADMIN_PASSWORD,
      });
      console.log(`[dihya] first admin created: ${process.env.DIHYA_ADMIN_EMAIL}`);
    } else {
      const token = await armSetup(tx);
      const origin = process.env.AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
      console.log(`[dihya] empty database: create the first admin at ${origin}/setup?token=${token}`);
    }
  });
}
