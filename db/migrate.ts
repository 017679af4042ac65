import path from "node:path";
import { getHandle } from "./client";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Applies the committed drizzle-kit migrations with the driver in use. Idempotent. */
export async function migrate(): Promise<void> {
  const { db, driver } = await getHandle();
  if (driver === "pglite") {
    const { migrate: run } = await import("drizzle-orm/pglite/migrator");
    await run(db as never, { migrationsFolder });
  } else {
    const { migrate: run } = await import("drizzle-orm/postgres-js/migrator");
    await run(db, { migrationsFolder });
  }
}
