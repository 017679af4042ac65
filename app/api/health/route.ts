import { sql } from "drizzle-orm";
import { getHandle } from "@/db/client";

/** Liveness and database reachability; public, reveals nothing but the driver name. */
export async function GET() {
  try {
    const { db, driver } = await getHandle();
    await db.execute(sql`select 1`);
    return Response.json({ status: "ok", database: "reachable", driver }, { headers: { "cache-control": "no-store" } });
  } catch {
    return Response.json({ status: "degraded", database: "unreachable" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
