import { sql } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { migrate } from "@/db/migrate";

/**
 * A fresh, migrated database for one test file: PGlite in memory, or the PostgreSQL of
 * TEST_DATABASE_URL wiped first (its public and drizzle schemas are dropped).
 */
export async function freshDb() {
  await closeDb();
  if (process.env.TEST_DATABASE_URL) {
    process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
    const db = await getDb();
    await db.execute(sql`drop schema if exists drizzle cascade`);
    await db.execute(sql`drop schema if exists public cascade`);
    await db.execute(sql`create schema public`);
  } else {
    delete process.env.DATABASE_URL;
    process.env.DIHYA_DATA_DIR = "memory://";
  }
  await migrate();
  return getDb();
}

export const systemActor = { kind: "system", id: "test" } as const;
