import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as webhookRoute from "@/app/api/paiements/webhook/route";
import type { Db } from "@/db/client";
import { auditLog, invoices, paymentEvents, paymentIntents, payments } from "@/db/schema";
import { recordPayment } from "@/server/energy/payments/record-payment";
import { startSandboxPayment } from "@/server/energy/payments/sandbox";
import { paymentWebhookSecret, signPaymentEvent, verifyPaymentSignature } from "@/server/energy/payments/webhook-signature";
import { freshDb, systemActor } from "../support/db";
import { makeUser } from "../support/maintenance-fixtures";
import { makeClient, makeClientAccount, makeContract, makeInvoice } from "../support/payment-fixtures";

let db: Db;
let secret: string;
let clientId: string;
let contractId: string;
let ip = 0;
const POST = (webhookRoute as unknown as { POST: (r: Request) => Promise<Response> }).POST;

const event = (invoiceId: string, amount: number, extra: Record<string, unknown> = {}) => ({
  id: `evt_${Math.random().toString(36).slice(2)}`,
  type: "payment.succeeded",
  data: { invoice_id: invoiceId, amount_minor: amount, currency: "DZD", reference: "CIB-778899" },
  ...extra,
});

function send(body: unknown, options: { signature?: string | null; at?: Date; raw?: string } = {}) {
  const raw = options.raw ?? JSON.stringify(body);
  const headers: Record<string, string> = { "content-type": "application/json", "x-forwarded-for": `10.9.0.${++ip % 250}` };
  const signature = options.signature === undefined ? signPaymentEvent(raw, secret, options.at ?? new Date()) : options.signature;
  if (signature !== null) headers["dihya-signature"] = signature;
  return POST(new Request("http://localhost/api/paiements/webhook", { method: "POST", headers, body: raw }));
}

async function problemCode(response: Response, status: number): Promise<string> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return ((await response.json()) as { code: string }).code;
}

const invoiceRow = async (id: string) => (await db.select().from(invoices).where(eq(invoices.id, id)))[0]!;
const paymentsOf = (id: string) => db.select().from(payments).where(eq(payments.invoiceId, id));

beforeAll(async () => {
  delete process.env.PAYMENT_WEBHOOK_SECRET;
  db = await freshDb();
  secret = await paymentWebhookSecret(db);
  ({ id: clientId } = await makeClient(db, { name: "Yasmine Aït Ahmed" }));
  contractId = await makeContract(db, clientId);
});

describe("webhook signature", () => {
  it("generates one secret, stored once and reused", async () => {
    expect(secret).toMatch(/^pwhsec_/);
    expect(await paymentWebhookSecret(db)).toBe(secret);
  });

  it("accepts within 300 s either way, refuses beyond, and compares the whole HMAC", () => {
    const now = new Date("2026-03-01T10:00:00Z");
    const body = '{"a":1}';
    expect(verifyPaymentSignature(body, signPaymentEvent(body, secret, new Date(now.getTime() - 300_000)), secret, now).ok).toBe(true);
    expect(verifyPaymentSignature(body, signPaymentEvent(body, secret, new Date(now.getTime() - 301_000)), secret, now)).toEqual({
      ok: false,
      code: "timestamp_stale",
    });
    const good = signPaymentEvent(body, secret, now);
    const flipped = good.slice(0, -1) + (good.endsWith("0") ? "1" : "0");
    expect(verifyPaymentSignature(body, flipped, secret, now)).toEqual({ ok: false, code: "signature_invalid" });
    expect(verifyPaymentSignature('{"a":2}', good, secret, now)).toEqual({ ok: false, code: "signature_invalid" });
    expect(verifyPaymentSignature(body, "v1=abc", secret, now)).toEqual({ ok: false, code: "signature_malformed" });
  });
});

describe("POST /api/paiements/webhook", () => {
  it("processes a valid signed event once: the invoice is paid, one payment; a replay changes nothing", async () => {
    const invoice = await makeInvoice(db, clientId, contractId, { totalMinor: 170_710 });
    const body = event(invoice.id, 170_710);
    const first = await send(body);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ status: "processed", invoiceStatus: "paid" });
    const paid = await invoiceRow(invoice.id);
    expect(paid.status).toBe("paid");
    expect(paid.paidMinor).toBe(170_710);
    expect(paid.paidAt).not.toBeNull();
    const recorded = await paymentsOf(invoice.id);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      amountMinor: 170_710,
      method: "sandbox",
      reference: "CIB-778899",
      providerEventId: `sandbox:${body.id}`,
    });
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, invoice.id));
    expect(audits.map((a) => a.action)).toContain("payment.recorded");

    // The same event again, freshly signed (a provider retry): duplicate, nothing changes.
    const replay = await send(body);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ status: "duplicate" });
    expect(await paymentsOf(invoice.id)).toHaveLength(1);
    expect((await invoiceRow(invoice.id)).paidMinor).toBe(170_710);
  });

  it("refuses a bad signature, a missing one and a stale timestamp with 401 and distinct codes; nothing is stored", async () => {
    const invoice = await makeInvoice(db, clientId, contractId, { totalMinor: 50_000 });
    const body = event(invoice.id, 50_000);
    const raw = JSON.stringify(body);
    expect(await problemCode(await send(body, { signature: signPaymentEvent(raw, "not-the-secret") }), 401)).toBe("signature_invalid");
    expect(await problemCode(await send(body, { signature: null }), 401)).toBe("signature_missing");
    expect(await problemCode(await send(body, { signature: "t=abc,v1=zz" }), 401)).toBe("signature_malformed");
    expect(await problemCode(await send(body, { at: new Date(Date.now() - 301_000) }), 401)).toBe("timestamp_stale");
    // A body altered after signing.
    const tampered = signPaymentEvent(raw, secret);
    expect(await problemCode(await send(null, { raw: raw.replace("50000", "1"), signature: tampered }), 401)).toBe("signature_invalid");
    expect(await paymentsOf(invoice.id)).toHaveLength(0);
    expect(await db.select().from(paymentEvents).where(eq(paymentEvents.eventId, body.id))).toHaveLength(0);
    expect((await invoiceRow(invoice.id)).status).toBe("issued");
  });

  it("records a partial payment: partially_paid with the balance left", async () => {
    const invoice = await makeInvoice(db, clientId, contractId, { totalMinor: 100_000 });
    const response = await send(event(invoice.id, 40_000));
    expect(await response.json()).toMatchObject({ status: "processed", invoiceStatus: "partially_paid" });
    const row = await invoiceRow(invoice.id);
    expect(row.status).toBe("partially_paid");
    expect(row.totalMinor - row.paidMinor).toBe(60_000);
    expect(row.paidAt).toBeNull();
    // The rest: paid.
    expect(await (await send(event(invoice.id, 60_000))).json()).toMatchObject({ invoiceStatus: "paid" });
    expect(await paymentsOf(invoice.id)).toHaveLength(2);
  });

  it("answers 404 for an unknown invoice and stores nothing (the provider may retry)", async () => {
    const body = event("6f1c1b7e-0000-4000-8000-000000000000", 1000);
    expect(await problemCode(await send(body), 404)).toBe("invoice_not_found");
    expect(await db.select().from(paymentEvents).where(eq(paymentEvents.eventId, body.id))).toHaveLength(0);
    expect(await problemCode(await send(event("not-a-uuid", 1000)), 404)).toBe("invoice_not_found");
  });

  it("refuses a payment over the balance (422) and a paid invoice (409), rolling the event back", async () => {
    const invoice = await makeInvoice(db, clientId, contractId, { totalMinor: 10_000 });
    const over = event(invoice.id, 10_001);
    expect(await problemCode(await send(over), 422)).toBe("validation_failed");
    expect(await db.select().from(paymentEvents).where(eq(paymentEvents.eventId, over.id))).toHaveLength(0);
    await send(event(invoice.id, 10_000));
    expect(await problemCode(await send(event(invoice.id, 1)), 409)).toBe("conflict");
    expect(
      await problemCode(await send(event(invoice.id, 1, { data: { invoice_id: invoice.id, amount_minor: 1, currency: "EUR" } })), 422),
    ).toBe("currency_mismatch");
  });

  it("refuses malformed bodies and other methods; ignores unknown event types", async () => {
    expect(await problemCode(await send(null, { raw: "{not json" }), 400)).toBe("malformed_json");
    expect(await problemCode(await send({ id: "x", type: "payment.succeeded" }), 422)).toBe("validation_failed");
    const invoice = await makeInvoice(db, clientId, contractId);
    expect(await (await send(event(invoice.id, 1, { type: "refund.created" }))).json()).toEqual({ status: "ignored" });
    const big = "x".repeat(70 * 1024);
    expect(await problemCode(await send(null, { raw: big }), 413)).toBe("body_too_large");
    const get = (webhookRoute as unknown as { GET: () => Promise<Response> }).GET;
    expect((await get()).status).toBe(405);
  });

  it("marks the sandbox intent succeeded or failed from the event", async () => {
    const invoice = await makeInvoice(db, clientId, contractId, { totalMinor: 30_000 });
    const client = await makeClientAccount(db, clientId, "Yasmine Aït Ahmed");
    const failed = await db.transaction((tx) => startSandboxPayment(tx, client, invoice.id));
    const failure = event(invoice.id, 30_000, { type: "payment.failed" });
    failure.data = { ...failure.data, intent_id: failed.intentId } as typeof failure.data;
    expect(await (await send(failure)).json()).toEqual({ status: "processed" });
    const [f] = await db.select().from(paymentIntents).where(eq(paymentIntents.id, failed.intentId));
    expect(f!.status).toBe("failed");
    expect((await invoiceRow(invoice.id)).status).toBe("issued");

    const ok = await db.transaction((tx) => startSandboxPayment(tx, client, invoice.id));
    expect(ok.amountMinor).toBe(30_000);
    const success = event(invoice.id, 30_000);
    success.data = { ...success.data, intent_id: ok.intentId } as typeof success.data;
    expect(await (await send(success)).json()).toMatchObject({ status: "processed", invoiceStatus: "paid" });
    const [s] = await db.select().from(paymentIntents).where(eq(paymentIntents.id, ok.intentId));
    expect(s!.status).toBe("succeeded");
  });
});

describe("recordPayment (manual)", () => {
  it("records cash, transfer and card payments up to the balance, refuses more (422), drafts (409) and non-staff (403)", async () => {
    const admin = await makeUser(db, "admin", "Amina Benali");
    const invoice = await makeInvoice(db, clientId, contractId, { totalMinor: 90_000 });
    const pay = (amountMinor: number, method: "cash" | "transfer" | "cib" | "edahabia", actor = admin) =>
      db.transaction((tx) =>
        recordPayment(tx, actor, { invoiceId: invoice.id, amountMinor, method, reference: "R-1", receivedAt: new Date() }),
      );
    await expect(pay(90_001, "cash")).rejects.toMatchObject({ status: 422, messageKey: "paymentExceedsBalance" });
    await expect(pay(0, "cash")).rejects.toMatchObject({ status: 422 });
    expect(await pay(30_000, "cash")).toMatchObject({ status: "partially_paid", balanceMinor: 60_000 });
    expect(await pay(30_000, "transfer")).toMatchObject({ status: "partially_paid", balanceMinor: 30_000 });
    await expect(pay(30_001, "edahabia")).rejects.toMatchObject({ status: 422 });
    expect(await pay(30_000, "cib")).toMatchObject({ status: "paid", balanceMinor: 0 });
    expect((await paymentsOf(invoice.id)).map((p) => p.recordedBy)).toEqual([admin.id, admin.id, admin.id]);

    const draft = await makeInvoice(db, clientId, contractId, { status: "draft" });
    await expect(
      db.transaction((tx) =>
        recordPayment(tx, systemActor, { invoiceId: draft.id, amountMinor: 1, method: "cash", receivedAt: new Date() }),
      ),
    ).rejects.toMatchObject({ status: 409 });
    const reader = await makeUser(db, "user", "Karim Lecteur");
    const other = await makeInvoice(db, clientId, contractId);
    await expect(
      db.transaction((tx) => recordPayment(tx, reader, { invoiceId: other.id, amountMinor: 1, method: "cash", receivedAt: new Date() })),
    ).rejects.toMatchObject({ status: 403 });
  });
});
