"use server";

import { defineAction } from "@/server/auth/define-action";
import { importChunkSchema, importCsvChunk } from "@/server/energy/readings/csv-import/import-chunk";

const importChunk = defineAction({ schema: importChunkSchema, permission: "measurements.write" }, ({ actor, input, tx }) =>
  importCsvChunk(tx, actor, input),
);

/** One chunk of a readings CSV file (admins): parsed again on the server, then ingested like the API. */
export async function importReadingsChunkAction(input: unknown) {
  return importChunk(input);
}
