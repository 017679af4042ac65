import "server-only";
import { isUuid } from "@/server/platform/ids";
import { sql, type SQL } from "drizzle-orm";

/**
 * A list of ids as ONE `uuid[]` parameter, for `column = any(…)`: the planner probes the index
 * (or hashes the array) whatever the table's statistics, where `in (select json_…)` could pick a
 * nested loop over a table it believes empty (a fresh database during the first run).
 */
export function uuidArray(ids: Iterable<string>): SQL {
  const list = [...new Set(ids)];
  for (const id of list) if (!isUuid(id)) throw new Error(`not a uuid: ${id.slice(0, 40)}`);
  return sql`${`{${list.join(",")}}`}::uuid[]`;
}
