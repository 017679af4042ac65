import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { UserActor } from "@/server/auth/actor";
import { auditCsvLineSource, auditExportSource, type AuditCsvLineRow, type AuditExportRow } from "@/server/platform/audit-query";
import { csvResponse } from "@/server/platform/exports/csv";
import { streamRows } from "@/server/platform/exports/row-source";
import { freshDb } from "../support/db";

const admin: UserActor = {
  kind: "user",
  id: "00000000-0000-4000-8000-000000000001",
  role: "admin",
  name: "Admin",
  email: "a@x.dz",
  locale: "fr",
  theme: "system",
};
const keys = [
  "at",
  "actorType",
  "actorId",
  "actorLabel",
  "action",
  "entityType",
  "entityId",
  "ip",
  "userAgent",
  "requestId",
  "changes",
  "id",
] as const;
let db: Db;

beforeAll(async () => {
  db = await freshDb();
  const tricky = [
    'Ait "Lounes", Yidir',
    '=HYPERLINK("http://evil")',
    "-12",
    "@SUM(A1)",
    "\tTab",
    "ligne 1\nligne 2",
    "retour\r\nchariot",
    "ⵜⴰⵎⴰⵣⵉⵖⵜ ⴰⵣⵓⵍ",
    "فاتورة الكهرباء، نوفمبر",
    "Tamurt n leqbayel: ɛ ɣ ḍ ṣ ẓ ṭ č ǧ",
    "+213 555 00 00",
  ];
  await db.insert(auditLog).values(
    tricky.map((label, i) => ({
      actorType: "user",
      actorId: i % 3 ? `id-${i}` : null,
      actorLabel: label,
      action: i % 2 ? "user.updated" : "=cmd|' /C calc'!A0",
      entityType: "user",
      entityId: null,
      changes: { name: { old: label, new: `${label} (2)` }, n: { old: -1, new: i } },
      ip: i % 2 ? "10.0.0.1" : null,
      userAgent: label,
      requestId: null,
      at: new Date(Date.UTC(2026, 10, 21, 8, 0, i, i * 7)),
    })),
  );
});

async function text(response: Response) {
  return Buffer.from(await response.arrayBuffer()).toString("utf8");
}

describe("CSV records formatted by the database", () => {
  it("give the same bytes as the Node writer, tricky cells included", async () => {
    const columns = keys.map((key) => ({ key, header: key }));
    const inNode = await text(
      csvResponse<AuditExportRow>({ filename: "a.csv", columns, rows: streamRows(auditExportSource(admin, {}), { batchSize: 4 }) }),
    );
    const inSql = await text(
      csvResponse<AuditCsvLineRow>({
        filename: "a.csv",
        columns,
        rows: streamRows(auditCsvLineSource(admin, {}), { batchSize: 4 }),
        line: (row) => row.line,
      }),
    );
    expect(inSql.startsWith("\uFEFFat,actorType,")).toBe(true);
    expect(inSql).toBe(inNode);
    expect(inSql).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(inSql).toContain(",'-12,");
  });
});
