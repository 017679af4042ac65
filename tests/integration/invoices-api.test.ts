import { spawn } from "node:child_process";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as exportRoute from "@/app/api/export/factures/route";
import * as pdfRoute from "@/app/api/factures/[id]/pdf/route";
import * as itemRoute from "@/app/api/factures/[id]/route";
import * as listRoute from "@/app/api/factures/route";
import type { Db } from "@/db/client";
import {
  auditLog,
  clientAccounts,
  clients,
  contractDeliveryPoints,
  contracts,
  deliveryPointMeters,
  deliveryPoints,
  invoiceLines,
  invoices,
  meters,
  payments,
  readingsDaily,
  tariffs,
  tariffVersions,
} from "@/db/schema";
import type { UserActor } from "@/server/auth/actor";
import { explainInvoice } from "@/server/energy/invoices/explain";
import type { InvoiceDto, InvoiceSummaryDto } from "@/server/energy/invoices/invoice-dto";
import { renderInvoicePdf } from "@/server/energy/invoices/invoice-pdf";
import { getInvoice } from "@/server/energy/invoices/invoices-query";
import { DomainError } from "@/server/platform/errors";
import { freshDb } from "../support/db";
import { makeSite, makeUser } from "../support/maintenance-fixtures";

/** The browser session the route sees: whoever `session.userId` names (Auth.js itself is not under test). */
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", () => ({
  auth: async () => (session.userId ? { user: { id: session.userId }, authTime: Date.now() + 60_000 } : null),
}));

process.env.AUTH_SECRET ??= "vitest-only-secret-0c9a7e5d3b1f";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const list = listRoute as unknown as Record<"GET" | "POST" | "DELETE", Handler>;
const item = itemRoute as unknown as Record<"GET" | "PATCH", Handler>;
const pdf = pdfRoute as unknown as Record<"GET", Handler>;
const exportCsv = exportRoute as unknown as Record<"GET", Handler>;
let ip = 0;

function call(handler: Handler, method: string, path: string, as: UserActor | null, body?: unknown, id?: string) {
  session.userId = as?.id ?? null;
  const headers: Record<string, string> = { "x-forwarded-for": `10.8.0.${++ip % 250}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`http://localhost${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return handler(request, { params: Promise.resolve<Record<string, string>>(id ? { id } : {}) });
}

// poppler-utils reads the PDF the way a viewer would. CI installs it; without it these tests fail, they never skip.
function pdftotext(bytes: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("pdftotext", ["-layout", "-", "-"], { stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(Buffer.concat(out).toString("utf8")) : reject(new Error(`pdftotext exited ${code}`)),
    );
    child.stdin.on("error", () => {});
    child.stdin.end(bytes);
  });
}
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await pdftotext(bytes)).replace(BIDI_CONTROLS, "").replace(/[\u00a0\u202f]/g, " ");
}

let db: Db;
let admin: UserActor;
let user: UserActor;
let technician: UserActor;
let devops: UserActor;
let clientA: UserActor;
let clientB: UserActor;
let clientC: UserActor;
const ids = {} as Record<
  "clientA" | "clientB" | "clientC" | "contractA" | "contractB" | "contractC" | "meterA" | "invA1" | "invA2" | "invB1" | "invC1",
  string
>;

let seq = 0;
async function makeClient(name: string, locale: string, account: UserActor) {
  const code = `CLI-${String(++seq).padStart(6, "0")}`;
  const [c] = await db
    .insert(clients)
    .values({
      code,
      kind: "company",
      name,
      locale,
      addressLine: "12 rue Didouche Mourad",
      city: "Alger",
      postalCode: "16000",
      taxNumber: "000116012345678",
    })
    .returning({ id: clients.id });
  await db.insert(clientAccounts).values({ userId: account.id, clientId: c!.id });
  return c!.id;
}

async function makeContract(clientId: string, tariffId: string, deliveryPointId: string) {
  const [k] = await db
    .insert(contracts)
    .values({ number: `CTR-2026-${String(++seq).padStart(6, "0")}`, clientId, tariffId, startDate: "2025-01-01", billingCycle: "monthly" })
    .returning({ id: contracts.id });
  await db.insert(contractDeliveryPoints).values({ contractId: k!.id, deliveryPointId });
  return k!.id;
}

async function makeInvoice(
  clientId: string,
  contractId: string,
  values: Partial<typeof invoices.$inferInsert> & { periodStart: string; periodEnd: string },
  meter?: { id: string; code: string },
) {
  const [inv] = await db
    .insert(invoices)
    .values({
      clientId,
      contractId,
      currency: "DZD",
      locale: "fr",
      subtotalMinor: 100_000,
      taxMinor: 19_000,
      totalMinor: 119_000,
      consumptionMilli: 450_000,
      co2Grams: 246_600,
      estimated: true,
      ...values,
    })
    .returning({ id: invoices.id });
  const meters = meter ? [{ id: meter.id, code: meter.code }] : [];
  await db.insert(invoiceLines).values([
    {
      invoiceId: inv!.id,
      position: 1,
      kind: "subscription",
      labelKey: "invoicePdf.lineKinds.subscription",
      periodStart: values.periodStart,
      periodEnd: values.periodEnd,
      quantityMilli: 1000,
      unit: "month",
      unitPriceMicro: 200_000_000,
      amountMinor: 20_000,
      vatBp: 1900,
    },
    {
      invoiceId: inv!.id,
      position: 2,
      kind: "energy",
      labelKey: "invoicePdf.lineKinds.energy",
      periodStart: values.periodStart,
      periodEnd: values.periodEnd,
      quantityMilli: 450_000,
      unit: "kWh",
      unitPriceMicro: 1_777_778,
      amountMinor: 80_000,
      vatBp: 1900,
      estimated: true,
      provenance: {
        meters,
        from: values.periodStart,
        to: values.periodEnd,
        readings: 2880,
        expected: 2976,
        sumMilli: 450_000,
        estimatedMilli: 45_000,
      },
    },
  ]);
  return inv!.id;
}

beforeAll(async () => {
  db = await freshDb();
  admin = await makeUser(db, "admin", "Amina Benali");
  user = await makeUser(db, "user", "Karim Ould");
  technician = await makeUser(db, "technician", "Yacine Haddad");
  devops = await makeUser(db, "devops", "Nadia Ferhat");
  clientA = await makeUser(db, "client", "Lynda Saidi");
  clientB = await makeUser(db, "client", "Mourad Ziani");
  clientC = await makeUser(db, "client", "Tanirt Amazigh");

  const siteId = await makeSite(db, { name: "Clientèle BT Alger-Centre" });
  const [meter] = await db
    .insert(meters)
    .values({ siteId, code: "ALG-BT-0001", name: "Compteur Boulangerie Tafat", kind: "consumption", quantity: "energy", unit: "kWh" })
    .returning({ id: meters.id });
  ids.meterA = meter!.id;
  await db.insert(readingsDaily).values([
    { meterId: meter!.id, day: "2026-01-01", sum: 14.5, count: 96, min: 0, max: 0.4, estimated: 0, corrected: 0 },
    { meterId: meter!.id, day: "2026-01-02", sum: 15.25, count: 96, min: 0, max: 0.4, estimated: 8, corrected: 1 },
  ]);
  const [tariff] = await db
    .insert(tariffs)
    .values({ code: "T-BT-TEST", name: "Basse tension résidentiel", country: "DZ", currency: "DZD" })
    .returning({ id: tariffs.id });
  await db.insert(tariffVersions).values({
    tariffId: tariff!.id,
    version: 1,
    validFrom: "2025-01-01",
    definition: { currency: "DZD", pricesIncludeTax: false, energy: { kind: "flat", priceMicro: 1_777_778, vatBp: 1900 } },
  });

  ids.clientA = await makeClient("Boulangerie Tafat", "fr", clientA);
  ids.clientB = await makeClient("شركة الأمل للتجارة", "ar", clientB);
  ids.clientC = await makeClient("Tanirt Amazigh SARL", "zgh", clientC);
  const dp = async (clientId: string, code: string) =>
    (
      await db
        .insert(deliveryPoints)
        .values({ clientId, code, addressLine: "12 rue Didouche Mourad", city: "Alger" })
        .returning({ id: deliveryPoints.id })
    )[0]!.id;
  const dpA = await dp(ids.clientA, "PDL-ALG-0001");
  await db.insert(deliveryPointMeters).values({ deliveryPointId: dpA, meterId: meter!.id });
  ids.contractA = await makeContract(ids.clientA, tariff!.id, dpA);
  ids.contractB = await makeContract(ids.clientB, tariff!.id, await dp(ids.clientB, "PDL-ORN-0002"));
  ids.contractC = await makeContract(ids.clientC, tariff!.id, await dp(ids.clientC, "PDL-AGA-0003"));

  const issued = { status: "issued", issuedAt: new Date("2026-02-02T09:00:00Z"), dueDate: "2026-02-17" };
  ids.invA1 = await makeInvoice(
    ids.clientA,
    ids.contractA,
    {
      ...issued,
      number: "FAC-2025-000901",
      paymentReference: "DIHYA-2025-000901",
      periodStart: "2026-01-01",
      periodEnd: "2026-02-01",
      paidMinor: 50_000,
      status: "partially_paid",
    },
    { id: meter!.id, code: "ALG-BT-0001" },
  );
  ids.invA2 = await makeInvoice(ids.clientA, ids.contractA, { periodStart: "2026-02-01", periodEnd: "2026-03-01" });
  ids.invB1 = await makeInvoice(ids.clientB, ids.contractB, {
    ...issued,
    number: "FAC-2025-000902",
    periodStart: "2026-01-01",
    periodEnd: "2026-02-01",
  });
  ids.invC1 = await makeInvoice(ids.clientC, ids.contractC, {
    ...issued,
    number: "FAC-2025-000903",
    periodStart: "2026-01-01",
    periodEnd: "2026-02-01",
  });
  await db.insert(payments).values({
    invoiceId: ids.invA1,
    clientId: ids.clientA,
    amountMinor: 50_000,
    currency: "DZD",
    method: "cash",
    receivedAt: new Date("2026-02-05T10:00:00Z"),
    recordedBy: admin.id,
  });
});

describe("GET /api/factures", () => {
  it("lists every client's invoices for an admin and a user, newest period first", async () => {
    for (const who of [admin, user]) {
      const response = await call(list.GET, "GET", "/api/factures", who);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { data: InvoiceSummaryDto[]; next_cursor: string | null };
      expect(body.data.map((i) => i.id).sort()).toEqual([ids.invA1, ids.invA2, ids.invB1, ids.invC1].sort());
      expect(body.data[0]!.periodStart).toBe("2026-02-01");
    }
  });

  it("lists only its own issued invoices for a client account, whatever client filter it passes", async () => {
    const own = (await (await call(list.GET, "GET", "/api/factures", clientA)).json()) as { data: InvoiceSummaryDto[] };
    // invA2 is a draft: a client never sees a document still being prepared.
    expect(own.data.map((i) => i.id)).toEqual([ids.invA1]);
    expect((await call(item.GET, "GET", `/api/factures/${ids.invA2}`, clientA, undefined, ids.invA2)).status).toBe(404);
    const probing = (await (await call(list.GET, "GET", `/api/factures?client=${ids.clientB}`, clientA)).json()) as {
      data: InvoiceSummaryDto[];
    };
    expect(probing.data).toEqual([]);
  });

  it("filters by status, number and client name, and pages with a cursor", async () => {
    const issued = (await (await call(list.GET, "GET", "/api/factures?status=draft", admin)).json()) as { data: InvoiceSummaryDto[] };
    expect(issued.data.map((i) => i.id)).toEqual([ids.invA2]);
    const byName = (await (await call(list.GET, "GET", "/api/factures?q=tafat", admin)).json()) as { data: InvoiceSummaryDto[] };
    expect(byName.data).toHaveLength(2);
    const byNumber = (await (await call(list.GET, "GET", "/api/factures?q=000902", admin)).json()) as { data: InvoiceSummaryDto[] };
    expect(byNumber.data.map((i) => i.id)).toEqual([ids.invB1]);
    const first = (await (await call(list.GET, "GET", "/api/factures?limit=3", admin)).json()) as {
      data: InvoiceSummaryDto[];
      next_cursor: string;
    };
    expect(first.data).toHaveLength(3);
    const second = (await (await call(list.GET, "GET", `/api/factures?limit=3&cursor=${first.next_cursor}`, admin)).json()) as {
      data: InvoiceSummaryDto[];
      next_cursor: string | null;
    };
    expect(second.data).toHaveLength(1);
    expect(second.next_cursor).toBeNull();
    expect((await call(list.GET, "GET", "/api/factures?limit=501", admin)).status).toBe(422);
  });

  it("refuses a technician and a devops account (403) and a visitor (401)", async () => {
    expect((await call(list.GET, "GET", "/api/factures", technician)).status).toBe(403);
    expect((await call(list.GET, "GET", "/api/factures", devops)).status).toBe(403);
    expect((await call(list.GET, "GET", "/api/factures", null)).status).toBe(401);
  });
});

describe("GET /api/factures/{id}", () => {
  it("returns the invoice with lines, taxes, payments, client, contract and delivery points", async () => {
    const response = await call(item.GET, "GET", `/api/factures/${ids.invA1}`, clientA, undefined, ids.invA1);
    expect(response.status).toBe(200);
    const invoice = (await response.json()) as InvoiceDto;
    expect(invoice).toMatchObject({
      number: "FAC-2025-000901",
      status: "partially_paid",
      totalMinor: 119_000,
      paidMinor: 50_000,
      balanceMinor: 69_000,
      client: { name: "Boulangerie Tafat", locale: "fr" },
      contract: { tariff: { code: "T-BT-TEST" } },
      taxes: [{ vatBp: 1900, baseMinor: 100_000, taxMinor: 19_000 }],
    });
    expect(invoice.lines.map((l) => l.kind)).toEqual(["subscription", "energy"]);
    expect(invoice.lines[1]).toMatchObject({ estimated: true, provenance: { readings: 2880, expected: 2976 } });
    expect(invoice.payments).toMatchObject([{ amountMinor: 50_000, method: "cash" }]);
    expect(invoice.deliveryPoints).toMatchObject([{ code: "PDL-ALG-0001", meters: [{ code: "ALG-BT-0001" }] }]);
  });

  it("answers 404 to a client asking for another client's invoice, exactly as for an unknown or malformed id", async () => {
    for (const id of [ids.invB1, "00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      const response = await call(item.GET, "GET", `/api/factures/${id}`, clientA, undefined, id);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("شركة");
    }
    expect((await call(item.GET, "GET", `/api/factures/${ids.invB1}`, clientB, undefined, ids.invB1)).status).toBe(200);
    expect((await call(item.GET, "GET", `/api/factures/${ids.invB1}`, user, undefined, ids.invB1)).status).toBe(200);
    expect((await call(item.GET, "GET", `/api/factures/${ids.invB1}`, technician, undefined, ids.invB1)).status).toBe(403);
  });

  it("explains a line from its readings: meters, readings vs expected, estimated share, daily usage", async () => {
    const explained = await explainInvoice(db, admin, ids.invA1);
    const energy = explained.lines.find((l) => l.line.kind === "energy")!;
    expect(energy).toMatchObject({ readings: 2880, expected: 2976, estimatedShare: 0.1 });
    expect(energy.meters).toMatchObject([{ code: "ALG-BT-0001", kwh: 29.75, readings: 192, estimatedReadings: 8, correctedReadings: 1 }]);
    expect(energy.meters[0]!.days.map((d) => d.day)).toEqual(["2026-01-01", "2026-01-02"]);
    await expect(explainInvoice(db, clientB, ids.invA1)).rejects.toBeInstanceOf(DomainError);
  });
});

describe("GET /api/factures/{id}/pdf", () => {
  it("sends the PDF to the client it belongs to: number, total and client name in its text", async () => {
    const response = await call(pdf.GET, "GET", `/api/factures/${ids.invA1}/pdf`, clientA, undefined, ids.invA1);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toContain('filename="FAC-2025-000901.pdf"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const text = await pdfText(bytes);
    expect(text).toContain("FAC-2025-000901");
    expect(text).toContain("Boulangerie Tafat");
    expect(text).toContain("1 190,00");
    expect(text).toContain("DIHYA-2025-000901");
    expect(text).toContain("PDL-ALG-0001");
    expect(text).toContain("ALG-BT-0001");
  });

  it("answers 404 to a client asking for another client's PDF", async () => {
    const response = await call(pdf.GET, "GET", `/api/factures/${ids.invB1}/pdf`, clientA, undefined, ids.invB1);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("problem+json");
  });

  it("writes an Arabic client's PDF in Arabic (whoever downloads it) and a zgh client's in Tifinagh", async () => {
    const arabic = await call(pdf.GET, "GET", `/api/factures/${ids.invB1}/pdf`, admin, undefined, ids.invB1);
    expect(arabic.status).toBe(200);
    const arText = await pdfText(new Uint8Array(await arabic.arrayBuffer()));
    const tifinagh = await call(pdf.GET, "GET", `/api/factures/${ids.invC1}/pdf`, clientC, undefined, ids.invC1);
    const zghText = await pdfText(new Uint8Array(await tifinagh.arrayBuffer()));
    // The second Arabic document reuses the fonts parsed for the first: its text must read back just as well.
    const again = await call(pdf.GET, "GET", `/api/factures/${ids.invB1}/pdf`, clientB, undefined, ids.invB1);
    const againText = await pdfText(new Uint8Array(await again.arrayBuffer()));
    expect(againText).toContain("نقطة التسليم");
    expect(againText).toContain("شركة الأمل للتجارة");
    expect(arText).toContain("شركة الأمل للتجارة");
    expect(arText).toContain("فاتورة");
    expect(arText).toContain("FAC-2025-000902");
    expect(zghText).toMatch(/[\u2d30-\u2d7f]{3,}/u);
    expect(zghText).toContain("FAC-2025-000903");
  });

  it("lets staff ask for another language, not a client", async () => {
    const english = await call(pdf.GET, "GET", `/api/factures/${ids.invB1}/pdf?locale=en`, admin, undefined, ids.invB1);
    const enText = await pdfText(new Uint8Array(await english.arrayBuffer()));
    const asked = await call(pdf.GET, "GET", `/api/factures/${ids.invA1}/pdf?locale=ar`, clientA, undefined, ids.invA1);
    const clientText = await pdfText(new Uint8Array(await asked.arrayBuffer()));
    expect(enText).toContain("Invoice");
    expect(clientText).not.toContain("فاتورة");
  });

  it("renders quickly enough to be benchmarked (a warm render well under 100 ms)", async () => {
    const invoice = await getInvoice(db, admin, ids.invA1);
    await renderInvoicePdf(invoice, "fr");
    const started = performance.now();
    for (let i = 0; i < 5; i++) await renderInvoicePdf(invoice, i % 2 ? "ar" : "fr");
    expect((performance.now() - started) / 5).toBeLessThan(100);
  });
});

describe("POST /api/factures", () => {
  it("refuses a bad body (422) and non-admins (403)", async () => {
    expect((await call(list.POST, "POST", "/api/factures", admin, { clientId: "nope", periodStart: "2026-01-01" })).status).toBe(422);
    expect(
      (await call(list.POST, "POST", "/api/factures", admin, { clientId: ids.clientA, periodStart: "2026-02-01", periodEnd: "2026-01-01" }))
        .status,
    ).toBe(422);
    const body = { clientId: ids.clientA, periodStart: "2026-03-01", periodEnd: "2026-04-01" };
    for (const who of [user, technician, devops, clientA])
      expect((await call(list.POST, "POST", "/api/factures", who, body)).status).toBe(403);
  });
});

describe("POST /api/factures (generate)", () => {
  it("lets an admin compute a client's invoice for a period and issue it: 201, then visible to the client", async () => {
    const body = { clientId: ids.clientA, periodStart: "2026-03-01", periodEnd: "2026-04-01", issue: true };
    const response = await call(list.POST, "POST", "/api/factures", admin, body);
    const payload = (await response.json()) as {
      data: { contractId: string; outcome: string; code?: string; invoice: InvoiceDto | null }[];
    };
    expect(response.status).toBe(201);
    expect(payload.data).toHaveLength(1);
    const [result] = payload.data;
    expect(result).toMatchObject({
      contractId: ids.contractA,
      outcome: "created",
      invoice: { status: "issued", periodStart: "2026-03-01" },
    });
    expect(result!.invoice!.number).toMatch(/^FAC-2026-\d{6}$/);
    expect(result!.invoice!.snapshot).toMatchObject({ client: { name: "Boulangerie Tafat" } });
    const id = result!.invoice!.id;
    expect((await call(item.GET, "GET", `/api/factures/${id}`, clientA, undefined, id)).status).toBe(200);
    expect((await call(item.GET, "GET", `/api/factures/${id}`, clientB, undefined, id)).status).toBe(404);
    const pdfResponse = await call(pdf.GET, "GET", `/api/factures/${id}/pdf`, clientA, undefined, id);
    expect(pdfResponse.status).toBe(200);
    const text = await pdfText(new Uint8Array(await pdfResponse.arrayBuffer()));
    expect(text).toContain(result!.invoice!.number!);
    // The period is billed: generating it again leaves the issued invoice alone.
    const again = (await (await call(list.POST, "POST", "/api/factures", admin, { ...body, issue: false })).json()) as typeof payload;
    expect(again.data[0]).toMatchObject({ outcome: "skipped" });
  });

  it("answers 404 for an unknown client and 422 for a client without an active contract", async () => {
    const period = { periodStart: "2026-03-01", periodEnd: "2026-04-01" };
    expect(
      (await call(list.POST, "POST", "/api/factures", admin, { clientId: "00000000-0000-4000-8000-000000000000", ...period })).status,
    ).toBe(404);
    await db.update(contracts).set({ status: "terminated" }).where(eq(contracts.id, ids.contractC));
    expect((await call(list.POST, "POST", "/api/factures", admin, { clientId: ids.clientC, ...period })).status).toBe(422);
  });
});

describe("GET /api/export/factures", () => {
  it("exports the filtered list as CSV with translated headers and decimal amounts, audited", async () => {
    const response = await call(exportCsv.GET, "GET", `/api/export/factures?locale=fr&to=2026-03-01&client=${ids.clientA}`, admin);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const text = (await response.text()).replace(/^\uFEFF/, "");
    const [header, ...rows] = text.trimEnd().split("\r\n");
    expect(header).toContain("Numéro");
    expect(rows).toHaveLength(2);
    expect(text).toContain("FAC-2025-000901");
    expect(text).toContain("1190.00");
    expect(text).not.toContain("FAC-2025-000902");
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "export.created"), eq(auditLog.entityType, "invoices")));
    expect(audit).toBeDefined();
    expect((await call(exportCsv.GET, "GET", "/api/export/factures", clientA)).status).toBe(403);
  });
});
