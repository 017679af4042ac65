import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as webhookRoute from "@/app/api/paiements/webhook/route";
import type { Db } from "@/db/client";
import { auditLog, clientInvitations, clients, dataRequests, invoices, jobs, notifications, payments, users } from "@/db/schema";
import type { UserActor } from "@/server/auth/actor";
import { getInvoice } from "@/server/energy/invoices/invoices-query";
import { exportMyData } from "@/server/energy/clients/data-export";
import { processDataRequest, requestDataDeletion } from "@/server/energy/clients/data-requests";
import { listMyInvoices, loadClientHome } from "@/server/energy/payments/client-space";
import { markOverdueInvoices } from "@/server/energy/payments/overdue-job";
import { sendInvoiceReminders } from "@/server/energy/payments/reminders-job";
import { completeSandboxPayment, getSandboxIntent, startSandboxPayment } from "@/server/energy/payments/sandbox";
import { composeNotificationEmail } from "@/server/platform/notifications/email-message";
import { translatorFor } from "@/server/platform/notifications/render";
import { freshDb, systemActor } from "../support/db";
import { makeUser } from "../support/maintenance-fixtures";
import { makeClient, makeClientAccount, makeContract, makeInvoice } from "../support/payment-fixtures";

let db: Db;
let clientA: { id: string; code: string };
let clientB: { id: string; code: string };
let contractA: string;
let contractB: string;
let alice: UserActor;
let bachir: UserActor;
let admin: UserActor;

const row = async (id: string) => (await db.select().from(invoices).where(eq(invoices.id, id)))[0]!;
const notesOf = (userId: string, kind?: string) =>
  db
    .select()
    .from(notifications)
    .where(kind ? and(eq(notifications.userId, userId), eq(notifications.kind, kind)) : eq(notifications.userId, userId));
const emailJobs = async (userId: string) =>
  (await db.select().from(jobs).where(eq(jobs.kind, "billing.client_email"))).filter(
    (j) => (j.payload as { userId: string }).userId === userId,
  );

beforeAll(async () => {
  process.env.SMTP_URL = "smtp://127.0.0.1:1";
  db = await freshDb();
  clientA = await makeClient(db, { name: "Lounis Aït Menguellet", locale: "kab" });
  clientB = await makeClient(db, { name: "Fatima Benali", locale: "ar" });
  contractA = await makeContract(db, clientA.id);
  contractB = await makeContract(db, clientB.id);
  alice = await makeClientAccount(db, clientA.id, "Lounis Aït Menguellet");
  bachir = await makeClientAccount(db, clientB.id, "Fatima Benali");
  admin = await makeUser(db, "admin", "Amina Benali");
});

afterAll(() => {
  delete process.env.SMTP_URL;
});

describe("overdue job and reminders", () => {
  it("marks an unpaid invoice overdue once, telling the client once", async () => {
    const invoice = await makeInvoice(db, clientB.id, contractB, { dueDate: "2026-03-10", totalMinor: 80_000 });
    const paidEarlier = await makeInvoice(db, clientB.id, contractB, { dueDate: "2026-03-10", status: "paid", paidMinor: 170_710 });
    const notYet = await makeInvoice(db, clientB.id, contractB, { dueDate: "2026-03-11" });
    // 2026-03-11 00:30 in Algiers is still 2026-03-10 23:30 UTC: "today" is the 11th there.
    const now = new Date("2026-03-10T23:30:00Z");
    expect(await db.transaction((tx) => markOverdueInvoices(tx, systemActor, now))).toBe(1);
    expect((await row(invoice.id)).status).toBe("overdue");
    expect((await row(paidEarlier.id)).status).toBe("paid");
    expect((await row(notYet.id)).status).toBe("issued");
    expect(await db.transaction((tx) => markOverdueInvoices(tx, systemActor, new Date("2026-03-11T08:00:00Z")))).toBe(0);
    const notes = await notesOf(bachir.id, "invoice.overdue");
    expect(notes).toHaveLength(1);
    expect(notes[0]!.link).toBe(`/client/invoices/${invoice.id}`);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, invoice.id), eq(auditLog.action, "invoice.overdue")));
    expect(audit).toHaveLength(1);
    // The reminders job does not repeat the overdue notice.
    await db.transaction((tx) => sendInvoiceReminders(tx, systemActor, new Date("2026-03-11T08:00:00Z")));
    expect(await notesOf(bachir.id, "invoice.overdue")).toHaveLength(1);
  });

  it("sends one reminder 3 days before the due date and one when overdue, in the client's language", async () => {
    const invoice = await makeInvoice(db, clientA.id, contractA, { dueDate: "2026-04-20", totalMinor: 123_450 });
    const before = (await notesOf(alice.id)).length;
    const reminders = (iso: string) => db.transaction((tx) => sendInvoiceReminders(tx, systemActor, new Date(iso)));
    // Earlier tests' invoices past due get their overdue reminder first.
    await reminders("2026-04-15T07:00:00Z");
    // Four days before: nothing yet.
    expect(await reminders("2026-04-16T07:00:00Z")).toEqual({ before: 0, overdue: 0 });
    expect(await reminders("2026-04-17T07:00:00Z")).toEqual({ before: 1, overdue: 0 });
    expect(await reminders("2026-04-18T07:00:00Z")).toEqual({ before: 0, overdue: 0 });
    expect(await reminders("2026-04-20T07:00:00Z")).toEqual({ before: 0, overdue: 0 });
    expect(await reminders("2026-04-21T07:00:00Z")).toEqual({ before: 0, overdue: 1 });
    expect(await reminders("2026-04-22T07:00:00Z")).toEqual({ before: 0, overdue: 0 });

    const notes = (await notesOf(alice.id)).slice(before);
    expect(notes.map((n) => n.kind)).toEqual(["invoice.reminder", "invoice.overdue"]);
    expect(notes[0]!.titleKey).toBe("reminders.before.title");
    // Params are formatted for the client's language (Kabyle: "20 Yebrir 2026").
    expect(String(notes[0]!.params.dueDate)).toMatch(/2026/);
    expect(notes[0]!.params.dueDate).toBe(
      new Intl.DateTimeFormat("kab", { dateStyle: "long", timeZone: "UTC" }).format(new Date("2026-04-20T00:00:00Z")),
    );
    const mails = await emailJobs(alice.id);
    expect(mails.map((m) => (m.payload as { titleKey: string }).titleKey)).toEqual(
      expect.arrayContaining(["reminders.before.title", "reminders.overdue.title"]),
    );
    expect(mails.every((m) => (m.payload as { locale: string }).locale === "kab")).toBe(true);
    // The e-mail is composed in the client's language whatever the account's interface language (fr).
    const payload = mails[0]!.payload as Parameters<typeof composeNotificationEmail>[1] & { locale: string };
    const message = await composeNotificationEmail({ name: alice.name, locale: payload.locale }, payload);
    const kab = await translatorFor("kab");
    expect(message.html).toContain('lang="kab"');
    expect(message.subject).toBe(kab("reminders.before.title", payload.params));
    expect((await row(invoice.id)).lastReminderAt).not.toBeNull();
  });

  it("sends no reminder for a paid, draft or credit-note invoice", async () => {
    await makeInvoice(db, clientA.id, contractA, { dueDate: "2026-05-20", status: "paid", paidMinor: 170_710 });
    await makeInvoice(db, clientA.id, contractA, { dueDate: "2026-05-20", status: "draft" });
    expect(await db.transaction((tx) => sendInvoiceReminders(tx, systemActor, new Date("2026-05-18T07:00:00Z")))).toEqual({
      before: 0,
      overdue: 0,
    });
  });
});

describe("client scoping", () => {
  it("never shows another client's invoice: 404 on read, on the sandbox payment and on the intent", async () => {
    const theirs = await makeInvoice(db, clientB.id, contractB, { totalMinor: 5_000 });
    await expect(getInvoice(db, alice, theirs.id)).rejects.toMatchObject({ status: 404 });
    await expect(db.transaction((tx) => startSandboxPayment(tx, alice, theirs.id))).rejects.toMatchObject({ status: 404 });
    const intent = await db.transaction((tx) => startSandboxPayment(tx, bachir, theirs.id));
    await expect(getSandboxIntent(db, alice, intent.intentId)).rejects.toMatchObject({ status: 404 });
    await expect(completeSandboxPayment(alice, intent.intentId, "succeed", "http://127.0.0.1:9")).rejects.toMatchObject({ status: 404 });
    const mine = await listMyInvoices(db, alice, {});
    expect(mine.data.length).toBeGreaterThan(0);
    expect(mine.data.every((i) => i.status !== "draft")).toBe(true);
    expect(mine.data.map((i) => i.id)).not.toContain(theirs.id);
  });
});

describe("sandbox payment end to end (through the signed webhook over HTTP)", () => {
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    const POST = (webhookRoute as unknown as { POST: (r: Request) => Promise<Response> }).POST;
    server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const response = await POST(new Request(`http://localhost${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) }));
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("the client sees the amount due, pays through the sandbox and the invoice is paid", async () => {
    const client = await makeClient(db, { name: "Djamel Sandbox", locale: "ar" });
    const contract = await makeContract(db, client.id);
    const account = await makeClientAccount(db, client.id, "Djamel Sandbox");
    await makeInvoice(db, client.id, contract, { totalMinor: 90_000, status: "paid", paidMinor: 90_000, consumptionMilli: 400_000 });
    const invoice = await makeInvoice(db, client.id, contract, { totalMinor: 120_000, dueDate: "2099-01-15", consumptionMilli: 500_000 });
    const home = await loadClientHome(db, account);
    expect(home.due).toEqual([{ currency: "DZD", amountMinor: 120_000 }]);
    expect(home.nextDue).toMatchObject({ invoiceId: invoice.id, dueDate: "2099-01-15" });
    expect(home.consumption).toMatchObject({ source: "invoices", current: { milli: 500_000 }, previous: { milli: 400_000 } });

    const cancelled = await db.transaction((tx) => startSandboxPayment(tx, account, invoice.id));
    expect(await completeSandboxPayment(account, cancelled.intentId, "fail", origin)).toEqual({ invoiceId: invoice.id, status: "failed" });
    expect((await row(invoice.id)).status).toBe("issued");

    const intent = await db.transaction((tx) => startSandboxPayment(tx, account, invoice.id));
    expect(await completeSandboxPayment(account, intent.intentId, "succeed", origin)).toEqual({
      invoiceId: invoice.id,
      status: "succeeded",
    });
    // A double click replays the same event id: nothing more.
    expect(await completeSandboxPayment(account, intent.intentId, "succeed", origin)).toEqual({
      invoiceId: invoice.id,
      status: "succeeded",
    });
    const paid = await row(invoice.id);
    expect(paid.status).toBe("paid");
    expect(await db.select().from(payments).where(eq(payments.invoiceId, invoice.id))).toHaveLength(1);
    expect((await loadClientHome(db, account)).due).toEqual([]);
    const received = await notesOf(account.id, "payment.received");
    expect(received).toHaveLength(1);
    expect(received[0]!.titleKey).toBe("payments.notify.paid.title");
    await expect(db.transaction((tx) => startSandboxPayment(tx, account, invoice.id))).rejects.toMatchObject({ status: 409 });
  });
});

describe("my data", () => {
  it("exports the client's own data (invoices with lines, payments, accounts without hashes) and nothing of another client", async () => {
    const mine = await makeInvoice(db, clientA.id, contractA, { totalMinor: 7_000 });
    const theirs = await makeInvoice(db, clientB.id, contractB, { totalMinor: 8_000 });
    const draft = await makeInvoice(db, clientA.id, contractA, { status: "draft" });
    const { code, data } = await db.transaction((tx) => exportMyData(tx, alice));
    expect(code).toBe(clientA.code);
    const text = JSON.stringify(data);
    const ids = (data.invoices as { id: string; lines: unknown[] }[]).map((i) => i.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect(ids).not.toContain(draft.id);
    expect(text).not.toContain(clientB.code);
    expect(text).not.toContain("Fatima");
    expect(text).not.toMatch(/passwordHash|\$argon2|scrypt/i);
    expect((data.client as { name: string }).name).toBe("Lounis Aït Menguellet");
    expect((data.accounts as { email: string }[]).map((a) => a.email)).toEqual([alice.email]);
    expect(data.notifications).toEqual(expect.any(Array));
    await expect(db.transaction((tx) => exportMyData(tx, admin))).rejects.toMatchObject({ status: 403 });
  });

  it("a deletion request reaches the admins; anonymisation keeps invoices and payments but removes personal fields", async () => {
    const invoice = await makeInvoice(db, clientA.id, contractA, { totalMinor: 11_000 });
    await db.transaction((tx) => requestDataDeletion(tx, alice, { reason: "Je déménage à l’étranger." }));
    await expect(db.transaction((tx) => requestDataDeletion(tx, alice, {}))).rejects.toMatchObject({ status: 409 });
    const adminNotes = await notesOf(admin.id, "data_request.created");
    expect(adminNotes).toHaveLength(1);
    expect(adminNotes[0]!.link).toBe("/admin/data-requests");
    await db.insert(clientInvitations).values({
      clientId: clientA.id,
      email: "autre@example.dz",
      tokenHash: "f".repeat(64),
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const [request] = await db.select().from(dataRequests).where(eq(dataRequests.clientId, clientA.id));
    expect(request!.status).toBe("open");

    await expect(
      db.transaction((tx) => processDataRequest(tx, alice, { id: request!.id, decision: "anonymise", confirm: "yes" })),
    ).rejects.toMatchObject({ status: 403 });
    await db.transaction((tx) => processDataRequest(tx, admin, { id: request!.id, decision: "anonymise", confirm: "yes" }));

    const [client] = await db.select().from(clients).where(eq(clients.id, clientA.id));
    expect(client).toMatchObject({
      name: `Anonymised client ${clientA.code}`,
      email: null,
      phone: null,
      addressLine: null,
      city: null,
      postalCode: null,
      taxNumber: null,
      status: "anonymised",
      code: clientA.code,
    });
    expect(client!.anonymisedAt).not.toBeNull();
    const [account] = await db.select().from(users).where(eq(users.id, alice.id));
    expect(account!.disabled).toBe(true);
    expect(account!.email).not.toBe(alice.email);
    expect(account!.name).not.toContain("Lounis");
    expect(await notesOf(alice.id)).toHaveLength(0);
    expect(await db.select().from(clientInvitations).where(eq(clientInvitations.clientId, clientA.id))).toHaveLength(0);
    // Invoices (and their amounts) are kept: invoicing law requires it.
    expect((await row(invoice.id)).totalMinor).toBe(11_000);
    expect((await db.select().from(invoices).where(eq(invoices.clientId, clientA.id))).length).toBeGreaterThan(3);
    const [done] = await db.select().from(dataRequests).where(eq(dataRequests.id, request!.id));
    expect(done).toMatchObject({ status: "done", outcome: "anonymised", processedBy: admin.id, reason: null });
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, clientA.id), eq(auditLog.action, "client.anonymised")));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.changes)).not.toContain("Lounis");
    await expect(
      db.transaction((tx) => processDataRequest(tx, admin, { id: request!.id, decision: "reject", reason: "trop tard" })),
    ).rejects.toMatchObject({ status: 409 });
  });

  it("a rejected request tells the client why", async () => {
    await db.transaction((tx) => requestDataDeletion(tx, bachir, { reason: "" }));
    const [request] = await db
      .select()
      .from(dataRequests)
      .where(and(eq(dataRequests.clientId, clientB.id), eq(dataRequests.status, "open")));
    await db.transaction((tx) =>
      processDataRequest(tx, admin, { id: request!.id, decision: "reject", reason: "Un contrat est encore actif." }),
    );
    const notes = await notesOf(bachir.id, "data_request.rejected");
    expect(notes).toHaveLength(1);
    expect(notes[0]!.params).toEqual({ reason: "Un contrat est encore actif." });
  });
});
