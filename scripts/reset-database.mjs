#!/usr/bin/env node
// Empties a PostgreSQL database used for tests (drops the public and drizzle schemas).
// Refuses anything but a loopback host.
import postgres from "postgres";

const url = process.argv[2] ?? process.env.TEST_DATABASE_URL;
if (!url || !/@(127\.0\.0\.1|localhost)(:\d+)?\//.test(url)) {
  console.error("usage: reset-database.mjs postgres://user@127.0.0.1:5432/db (loopback only)");
  process.exit(2);
}
const sql = postgres(url, { onnotice: () => {} });
await sql`drop schema if exists drizzle cascade`;
await sql`drop schema if exists public cascade`;
await sql`create schema public`;
await sql.end();
console.log(`reset ${url.replace(/\/\/[^@]*@/, "//")}`);
