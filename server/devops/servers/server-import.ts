import "server-only";
import { inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { servers } from "@/db/schema";
import type { UpdateServer } from "@/lib/validation/servers";
import { assertCan, type Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/platform/audit";
import { parseServerCsv, updatePatch, type CsvLineError } from "./server-csv-parse";
import { createServer, updateServer } from "./server-service";

/** What an import sends: the file's text and whether to write (commit) or only report (preview). */
export const importServersSchema = z.strictObject({
  csv: z.string("serverCsvEmpty").max(900_000, "serverCsvTooLarge"),
  mode: z.enum(["preview", "commit"], "invalid"),
});
export type ImportServersInput = z.output<typeof importServersSchema>;

export type ImportLinePlan = { line: number; hostname: string; action: "create" | "update" };
export type ImportReport = {
  mode: "preview" | "commit";
  created: number;
  updated: number;
  /** Lines left out, with why (line 1 is the header: a header error rejects the whole file). */
  rejected: { line: number; hostname: string | null; errors: CsvLineError[] }[];
  /** The accepted lines and what each does (or did). */
  lines: ImportLinePlan[];
};

/**
 * The inventory CSV import (`servers.write`). Each line is checked on its own: a new host
 * name creates a server (`provisioning`), a known one (any case) updates the columns the
 * file has; a line repeating an earlier host name, or naming a decommissioned server, is
 * rejected. `preview` writes nothing; `commit` writes every accepted line in the caller's
 * transaction (all or nothing), each audited like a form edit, plus one `server.imported`.
 */
export async function importServersCsv(tx: Executor, actor: Actor, input: ImportServersInput): Promise<ImportReport> {
  assertCan(actor, "servers.write");
  const parsed = parseServerCsv(input.csv);
  const report: ImportReport = { mode: input.mode, created: 0, updated: 0, rejected: [], lines: [] };
  if (parsed.headerErrors.length > 0) {
    report.rejected.push({ line: 1, hostname: null, errors: parsed.headerErrors });
    return report;
  }
  const names = [...new Set(parsed.lines.flatMap((l) => (l.ok ? [l.data.hostname] : [])))];
  const existing = new Map<string, { id: string; status: string }>();
  for (let i = 0; i < names.length; i += 500) {
    const rows = await tx
      .select({ id: servers.id, name: sql<string>`lower(${servers.hostname})`, status: servers.status })
      .from(servers)
      .where(inArray(sql`lower(${servers.hostname})`, names.slice(i, i + 500)));
    for (const r of rows) existing.set(r.name, { id: r.id, status: r.status });
  }

  const seen = new Map<string, number>();
  const work: (() => Promise<unknown>)[] = [];
  for (const line of parsed.lines) {
    if (!line.ok) {
      report.rejected.push({ line: line.line, hostname: line.hostname, errors: line.errors });
      continue;
    }
    const name = line.data.hostname;
    const first = seen.get(name);
    if (first !== undefined) {
      report.rejected.push({ line: line.line, hostname: name, errors: [{ field: "hostname", message: "serverCsvHostnameRepeated" }] });
      continue;
    }
    seen.set(name, line.line);
    const known = existing.get(name);
    if (known?.status === "decommissioned") {
      report.rejected.push({ line: line.line, hostname: name, errors: [{ field: "hostname", message: "serverDecommissioned" }] });
      continue;
    }
    if (known) {
      report.updated++;
      report.lines.push({ line: line.line, hostname: name, action: "update" });
      const patch = updatePatch(line.data, line.columns) as UpdateServer;
      if (Object.keys(patch).length > 0) work.push(() => updateServer(tx, actor, known.id, patch));
    } else {
      report.created++;
      report.lines.push({ line: line.line, hostname: name, action: "create" });
      const data = line.data;
      work.push(() => createServer(tx, actor, data));
    }
  }
  if (input.mode === "commit") {
    for (const run of work) await run();
    await recordAudit(tx, {
      actor,
      action: "server.imported",
      entityType: "server",
      entityId: null,
      changes: {
        created: { old: null, new: report.created },
        updated: { old: null, new: report.updated },
        rejected: { old: null, new: report.rejected.length },
      },
    });
  }
  return report;
}
