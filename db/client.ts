import { AsyncLocalStorage } from "node:async_hooks";
import path from "node:path";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import * as schema from "./schema";

/**
 * One database handle per process. PGlite (embedded, `./data/pglite` or DIHYA_DATA_DIR) by
 * default; PostgreSQL through `postgres` when DATABASE_URL is set. Both expose the same
 * Drizzle query builder, typed here as the postgres-js flavour.
 * Persistence only: no authorization happens in db/.
 */
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Executor = Db | Tx;

type Handle = {
  db: Db;
  driver: "pglite" | "postgres";
  close: () => Promise<void>;
  /** LISTEN on `channel` (postgres.js: a connection of its own, re-listening after a reconnect; `onListen` runs each time). */
  listen: (channel: string, onPayload: (payload: string) => void, onListen?: () => void) => Promise<() => Promise<void>>;
};
const g = globalThis as unknown as { __dihyaDb?: Promise<Handle> };

export function dataDir(): string {
  return process.env.DIHYA_DATA_DIR ?? path.join(process.cwd(), "data", "pglite");
}

async function open(): Promise<Handle> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const postgres = (await import("postgres")).default;
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(url, { max: Number(process.env.DATABASE_POOL_MAX ?? 10), onnotice: () => {} });
    return {
      db: drizzle(client, { schema }),
      driver: "postgres",
      close: () => client.end({ timeout: 5 }),
      listen: async (channel, onPayload, onListen) => (await client.listen(channel, onPayload, onListen)).unlisten,
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const dir = dataDir();
  if (!dir.startsWith("memory://")) {
    const fs = await import("node:fs");
    fs.mkdirSync(dir, { recursive: true });
  }
  const client = await PGlite.create(dir);
  return {
    db: drizzle(client, { schema }) as unknown as Db,
    driver: "pglite",
    close: () => client.close(),
    listen: async (channel, onPayload, onListen) => {
      const unlisten = await client.listen(channel, onPayload);
      onListen?.();
      return () => unlisten();
    },
  };
}

export function getHandle(): Promise<Handle> {
  g.__dihyaDb ??= open().catch((error: unknown) => {
    g.__dihyaDb = undefined;
    throw error;
  });
  return g.__dihyaDb;
}

/**
 * The transaction of the entry point being served (defineRoute / defineAction), if one is
 * open. PGlite has a single connection: a query outside an open transaction would wait for
 * it forever, so code reached from inside one (locale resolution, session lookups, …) must
 * run in it. `getDb()` returns it while it is open; it is cleared when it ends.
 */
const ambient = new AsyncLocalStorage<{ tx: Tx | null }>();

/** Runs `fn` inside `db.transaction` with the transaction as the ambient executor of `getDb()`. */
export async function inTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const store = { tx: tx as Tx | null };
    try {
      return await ambient.run(store, () => fn(tx));
    } finally {
      store.tx = null;
    }
  });
}

export async function getDb(): Promise<Db> {
  const open = ambient.getStore()?.tx;
  if (open) return open as unknown as Db;
  return (await getHandle()).db;
}

export async function closeDb(): Promise<void> {
  const handle = g.__dihyaDb;
  g.__dihyaDb = undefined;
  if (handle) await (await handle).close();
}

/** Rows of a `db.execute()` result, whichever driver answered. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
