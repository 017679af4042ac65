import { readFileSync } from "node:fs";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { auditLog, jobs, notificationPreferences, notifications } from "@/db/schema";
import type { Locale } from "@/i18n/config";
import type { Role } from "@/lib/permissions";
import type { PartnerActor, UserActor } from "@/server/auth/actor";
import { subscribe } from "@/server/platform/notifications/bus";
import { sendNotificationEmail } from "@/server/platform/notifications/email-job";
import { notificationStream } from "@/server/platform/notifications/stream";
import {
  listNotifications,
  listNotificationViews,
  markNotificationsRead,
  unreadCount,
} from "@/server/platform/notifications/notifications-service";
import { notify } from "@/server/platform/notifications/notify";
import { getPreferences, savePreferences } from "@/server/platform/notifications/preferences-service";
import { renderNotification } from "@/server/platform/notifications/render";
import { signalUsers } from "@/server/platform/notifications/signal";
import { createUser, updateUser } from "@/server/users/users-service";
import { freshDb, systemActor } from "../support/db";
import { startMailSink } from "../support/mail-sink";

let db: Db;
let admin: UserActor;
let n = 0;

async function person(role: Role, locale: Locale = "fr", name = `Person ${++n}`): Promise<UserActor> {
  const u = await db.transaction((tx) =>
    createUser(tx, systemActor, { name, email: `p${n}-${Date.now()}@example.dz`, role, locale, password: "a long enough password" }),
  );
  return { kind: "user", id: u.id, role, name: u.name, email: u.email, locale, theme: "system" };
}

/** A message as a reader of `locale` sees it (messages/<locale>.json, dotted path). */
const msg = (locale: Locale, path: string): string =>
  path
    .split(".")
    .reduce<unknown>(
      (node, k) => (node as Record<string, unknown>)[k],
      JSON.parse(readFileSync(`messages/${locale}.json`, "utf8")),
    ) as string;
const ping = (to: { userId: string } | { role: Role }, extra: Partial<Parameters<typeof notify>[1]> = {}) =>
  db.transaction((tx) =>
    notify(tx, {
      to,
      kind: "job.failed",
      titleKey: "notifications.messages.job.failed.title",
      params: { job: "x", attempts: 5 },
      ...extra,
    }),
  );
const mine = (userId: string) => db.select().from(notifications).where(eq(notifications.userId, userId));

beforeAll(async () => {
  db = await freshDb();
  admin = await person("admin", "fr", "Amina Benali");
});

describe("notify", () => {
  it("fans out to every enabled user of a role, and to nobody else", async () => {
    const [a, b, c] = [await person("technician"), await person("technician"), await person("technician")];
    const devops = await person("devops");
    await db.transaction((tx) => updateUser(tx, admin, c.id, { disabled: true }));
    await ping({ role: "technician" }, { severity: "warning", link: "/admin/jobs" });
    expect(await mine(a.id)).toHaveLength(1);
    expect(await mine(b.id)).toHaveLength(1);
    expect(await mine(c.id)).toHaveLength(0);
    expect(await mine(devops.id)).toHaveLength(0);
    const [row] = await mine(a.id);
    expect(row).toMatchObject({
      kind: "job.failed",
      severity: "warning",
      link: "/admin/jobs",
      readAt: null,
      params: { job: "x", attempts: 5 },
    });
  });

  it("takes the kind's severity by default and refuses links that leave the app", async () => {
    const u = await person("user");
    await ping({ userId: u.id });
    expect((await mine(u.id))[0]?.severity).toBe("critical");
    await expect(ping({ userId: u.id }, { link: "https://evil.example/" })).rejects.toThrow(/link/);
    await expect(ping({ userId: u.id }, { link: "//evil.example/" })).rejects.toThrow(/link/);
  });

  it("respects each user's preferences per kind and channel; e-mail only when SMTP_URL is set", async () => {
    const muted = await person("admin");
    const keen = await person("admin");
    await db.transaction((tx) => savePreferences(tx, muted, { preferences: [{ kind: "job.failed", in_app: false, email: false }] }));
    await db.transaction((tx) => savePreferences(tx, keen, { preferences: [{ kind: "account.role_changed", in_app: true, email: true }] }));

    delete process.env.SMTP_URL;
    await ping({ userId: muted.id });
    expect(await mine(muted.id)).toHaveLength(0);
    expect(await db.select().from(jobs).where(eq(jobs.kind, "notification.email"))).toHaveLength(0);

    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    try {
      await ping({ role: "admin" });
      // job.failed is critical: e-mail on by default, except for `muted` who turned it off.
      const queued = await db.select().from(jobs).where(eq(jobs.kind, "notification.email"));
      const to = queued.map((j) => (j.payload as { userId: string }).userId);
      expect(to).toEqual(expect.arrayContaining([admin.id, keen.id]));
      expect(to).not.toContain(muted.id);
      // account.role_changed is info: e-mail off by default, on for `keen` who asked for it.
      const plain = await person("user");
      await db.transaction((tx) => updateUser(tx, admin, plain.id, { role: "guest" }));
      await db.transaction((tx) => updateUser(tx, admin, keen.id, { role: "devops" }));
      const roleMails = (await db.select().from(jobs).where(eq(jobs.kind, "notification.email")))
        .map((j) => j.payload as { userId: string; kind: string })
        .filter((p) => p.kind === "account.role_changed");
      expect(roleMails.map((p) => p.userId)).toEqual([keen.id]);
    } finally {
      delete process.env.SMTP_URL;
    }
  });

  it("stores only choices that differ from the default, audits them, and refuses kinds the user cannot receive", async () => {
    const u = await person("user");
    // A user opens incidents and follows them: it receives their updates too.
    expect(await getPreferences(db, u)).toEqual([
      { kind: "account.role_changed", in_app: true, email: false },
      { kind: "account.password_reset", in_app: true, email: true },
      { kind: "devops.incident.opened", in_app: true, email: true },
      { kind: "devops.incident.updated", in_app: true, email: false },
    ]);
    await db.transaction((tx) =>
      savePreferences(tx, u, {
        preferences: [
          { kind: "account.role_changed", in_app: true, email: true },
          { kind: "account.password_reset", in_app: true, email: true },
        ],
      }),
    );
    const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, u.id));
    expect(rows.map((r) => [r.kind, r.channel, r.enabled])).toEqual([["account.role_changed", "email", true]]);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, u.id), eq(auditLog.action, "notification.preferences_updated")));
    expect(entry?.changes).toEqual({ "account.role_changed.email": { old: false, new: true } });
    await expect(
      db.transaction((tx) => savePreferences(tx, u, { preferences: [{ kind: "job.failed", in_app: false, email: false }] })),
    ).rejects.toMatchObject({ code: "validation_failed" });
  });
});

describe("reading and marking read", () => {
  it("shows each user only their own, newest first, with filters and cursor pagination", async () => {
    const me = await person("user");
    const other = await person("user");
    for (let i = 0; i < 5; i++) await ping({ userId: me.id }, { params: { job: `job-${i}`, attempts: i } });
    await db.transaction((tx) => updateUser(tx, admin, me.id, { role: "technician" }));
    await ping({ userId: other.id });

    const all = await listNotifications(db, me, { limit: 50 });
    expect(all.data).toHaveLength(6);
    expect(all.data[0]?.kind).toBe("account.role_changed");
    expect(all.data.every((d) => d.id !== undefined && d.titleKey.startsWith("notifications.messages."))).toBe(true);
    const otherIds = new Set((await mine(other.id)).map((r) => r.id));
    expect(all.data.some((d) => otherIds.has(d.id))).toBe(false);

    const first = await listNotifications(db, me, { limit: 4, kind: "job.failed" });
    expect(first.data).toHaveLength(4);
    expect(first.next_cursor).toBeTruthy();
    const second = await listNotifications(db, me, { limit: 4, kind: "job.failed", cursor: first.next_cursor! });
    expect(second.data.map((d) => d.params.job)).toEqual(["job-0"]);
    expect(second.next_cursor).toBeNull();
    expect(new Set([...first.data, ...second.data].map((d) => d.id)).size).toBe(5);
    // A malformed cursor is the first page, never an error.
    expect((await listNotifications(db, me, { limit: 2, cursor: "garbage" })).data).toHaveLength(2);
  });

  it("marks read by id (only one's own) or all, audits it, and counts unread", async () => {
    const me = await person("client");
    const other = await person("client");
    await ping({ userId: me.id });
    await ping({ userId: me.id });
    await ping({ userId: other.id });
    const [theirs] = await mine(other.id);
    const [one] = await mine(me.id);
    expect(await unreadCount(db, me.id)).toBe(2);

    const res = await db.transaction((tx) => markNotificationsRead(tx, me, { ids: [one!.id, theirs!.id] }));
    expect(res).toEqual({ updated: 1, unread: 1 });
    expect((await mine(other.id))[0]?.readAt).toBeNull();
    expect((await listNotifications(db, me, { limit: 10, unread: true })).data).toHaveLength(1);

    expect(await db.transaction((tx) => markNotificationsRead(tx, me, { all: true }))).toEqual({ updated: 1, unread: 0 });
    expect(await db.transaction((tx) => markNotificationsRead(tx, me, { all: true }))).toEqual({ updated: 0, unread: 0 });
    expect(await unreadCount(db, other.id)).toBe(1);
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, me.id), eq(auditLog.action, "notification.marked_read")))
      .orderBy(asc(auditLog.at));
    expect(audits.map((a) => a.changes)).toEqual([{ unread: { old: 2, new: 1 } }, { unread: { old: 1, new: 0 } }]);
  });

  it("gives partners and system actors no notifications", async () => {
    const partner: PartnerActor = { kind: "partner", credential: "api_key", id: "k", name: "IoT", scopes: ["sites:read"] };
    await expect(listNotifications(db, partner, { limit: 10 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listNotifications(db, systemActor, { limit: 10 })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("rendering in the reader's language", () => {
  it.each([
    ["ar", "تقني"],
    ["zgh", "ⴰⵜⵉⵇⵏⵉ"],
    ["kab", "Atiknisyan"],
    ["fr", "Technicien"],
  ] as const)("%s: a role change reads in the reader's language, the role name translated", async (locale, role) => {
    const reader = await person("user", locale);
    await db.transaction((tx) => updateUser(tx, admin, reader.id, { role: "technician" }));
    const { data } = await listNotifications(db, { ...reader, role: "technician" }, { limit: 1 });
    expect(data[0]?.title).toBe(msg(locale, "notifications.messages.account.role_changed.title"));
    expect(data[0]?.body).toContain(role);
    expect(data[0]?.params).toEqual({ role: "technician" });
    const views = await listNotificationViews(db, reader, { limit: 1 });
    expect(views.data[0]).toMatchObject({
      title: msg(locale, "notifications.messages.account.role_changed.title"),
      read: false,
      link: "/profile",
    });
    expect(views.data[0]?.when).toMatch(/\d/);
  });

  it("reads French for an unknown locale, and shows the key of a missing message", async () => {
    expect((await renderNotification("ar", { kind: "x.y", titleKey: "notifications.nope", bodyKey: null, params: {} })).title).toBe(
      "notifications.nope",
    );
    const fallback = await renderNotification("zz", { kind: "x.y", titleKey: "roles.admin", bodyKey: null, params: {} });
    expect(fallback.title).toBe("Administrateur");
  });
});

describe("live bus", () => {
  it("delivers a NOTIFY to the user's subscribers after commit, and nothing on rollback", async () => {
    const u = await person("devops");
    const bystander = await person("devops");
    const heard = vi.fn();
    const other = vi.fn();
    const off = await subscribe(u.id, heard);
    const offOther = await subscribe(bystander.id, other);
    try {
      await db.transaction(async (tx) => {
        await notify(tx, { to: { userId: u.id }, kind: "job.failed", titleKey: "notifications.messages.job.failed.title" });
        await new Promise((r) => setTimeout(r, 150));
        expect(heard).not.toHaveBeenCalled();
      });
      await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(1), { timeout: 3000 });

      await db
        .transaction(async (tx) => {
          await notify(tx, { to: { userId: u.id }, kind: "job.failed", titleKey: "notifications.messages.job.failed.title" });
          throw new Error("rollback");
        })
        .catch(() => {});
      await new Promise((r) => setTimeout(r, 400));
      expect(heard).toHaveBeenCalledTimes(1);

      await db.transaction((tx) => markNotificationsRead(tx, u, { all: true }));
      await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(2), { timeout: 3000 });
      expect(other).not.toHaveBeenCalled();
    } finally {
      off();
      offOther();
    }
    await ping({ userId: u.id });
    await new Promise((r) => setTimeout(r, 300));
    expect(heard).toHaveBeenCalledTimes(2);
  });
});

describe("across processes (PostgreSQL)", () => {
  it.runIf(!!process.env.TEST_DATABASE_URL)("hears a notification committed by another client of the same database", async () => {
    const u = await person("devops");
    const heard = vi.fn();
    const off = await subscribe(u.id, heard);
    const postgres = (await import("postgres")).default;
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const elsewhere = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      await drizzle(elsewhere, { schema }).transaction((tx) =>
        notify(tx, { to: { userId: u.id }, kind: "job.failed", titleKey: "notifications.messages.job.failed.title" }),
      );
      await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(1), { timeout: 3000 });
    } finally {
      off();
      await elsewhere.end();
    }
  });
});

describe("live stream (SSE)", () => {
  /** Reads Server-Sent Events from a Response body as they arrive. */
  function reader(res: Response) {
    const source = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    return async function next(): Promise<{ event?: string; data?: string; comment?: string; retry?: string }> {
      for (;;) {
        const end = buffer.indexOf("\n\n");
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const out: Record<string, string> = {};
          for (const line of block.split("\n")) {
            if (line.startsWith(":")) out.comment = line.slice(1).trim();
            else out[line.slice(0, line.indexOf(":"))] = line.slice(line.indexOf(":") + 1).trim();
          }
          return out;
        }
        const { value, done } = await source.read();
        if (done) throw new Error("stream ended");
        buffer += decoder.decode(value, { stream: true });
      }
    };
  }

  it("sends the unread count at once, then each new notification rendered in the reader's language", async () => {
    const me = await person("guest", "ar");
    await ping({ userId: me.id });
    const abort = new AbortController();
    const res = notificationStream(me, abort.signal);
    expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(res.headers.get("cache-control")).toContain("no-transform");
    const next = reader(res);
    expect(await next()).toEqual({ retry: "5000" });
    expect(await next()).toEqual({ event: "unread", data: JSON.stringify({ count: 1 }) });

    await db.transaction((tx) => updateUser(tx, admin, me.id, { role: "user" }));
    const pushed = await next();
    expect(pushed.event).toBe("notification");
    const view = JSON.parse(pushed.data!);
    expect(view).toMatchObject({ kind: "account.role_changed", read: false, link: "/profile" });
    expect(view.title).toBe(msg("ar", "notifications.messages.account.role_changed.title"));
    expect(view.body).toContain("موظف");
    expect(await next()).toEqual({ event: "unread", data: JSON.stringify({ count: 2 }) });

    await db.transaction((tx) => markNotificationsRead(tx, me, { all: true }));
    expect(await next()).toEqual({ event: "unread", data: JSON.stringify({ count: 0 }) });
    abort.abort();
    await expect(next()).rejects.toThrow("stream ended");
  });

  it("ends the stream when the account is disabled", async () => {
    const me = await person("guest");
    const res = notificationStream(me, new AbortController().signal);
    const next = reader(res);
    await next();
    await next();
    await db.transaction((tx) => updateUser(tx, admin, me.id, { disabled: true }));
    await db.transaction((tx) => signalUsers(tx, [me.id]));
    await expect(next()).rejects.toThrow("stream ended");
  });
});

describe("e-mail channel", () => {
  let sink: Awaited<ReturnType<typeof startMailSink>>;
  beforeAll(async () => {
    sink = await startMailSink();
    process.env.SMTP_URL = sink.url;
    process.env.DIHYA_PUBLIC_URL = "https://dihya.example.dz";
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    delete process.env.DIHYA_PUBLIC_URL;
    await sink.close();
  });

  it("sends a password-reset e-mail in the recipient's language, with text and HTML parts", async () => {
    const reader = await person("user", "ar", "Dihya <Kahina>");
    await db.transaction((tx) => updateUser(tx, admin, reader.id, { password: "a brand new long password" }));
    const [job] = (await db.select().from(jobs).where(eq(jobs.kind, "notification.email"))).filter(
      (j) => (j.payload as { userId: string }).userId === reader.id,
    );
    expect(job).toBeDefined();
    await sendNotificationEmail(job!.payload as Record<string, unknown>);

    const mail = sink.received.find((m) => m.to.includes(reader.email));
    expect(mail?.subject).toBe(msg("ar", "notifications.messages.account.password_reset.title"));
    expect(mail?.headers.get("from")).toContain("no-reply@dihya.local");
    expect(mail?.text).toContain(msg("ar", "notifications.messages.account.password_reset.body"));
    expect(mail?.text).toContain("https://dihya.example.dz/profile");
    expect(mail?.html).toContain('lang="ar" dir="rtl"');
    expect(mail?.html).toContain('href="https://dihya.example.dz/profile"');
    expect(mail?.html).toContain("Dihya &lt;Kahina&gt;");
    expect(mail?.html).not.toContain("<Kahina>");
  });

  it("escapes every value in the HTML part and uses the recipient's current language", async () => {
    const reader = await person("admin", "zgh");
    await sendNotificationEmail({
      userId: reader.id,
      kind: "job.failed",
      severity: "critical",
      titleKey: "notifications.messages.job.failed.title",
      bodyKey: "notifications.messages.job.failed.body",
      params: { job: "<img src=x onerror=alert(1)>", attempts: 5 },
      link: "/admin/jobs?status=failed&kind=x",
    });
    const mail = sink.received.find((m) => m.to.includes(reader.email));
    expect(mail?.subject).toBe(msg("zgh", "notifications.messages.job.failed.title"));
    expect(mail?.html).toContain('lang="zgh" dir="ltr"');
    expect(mail?.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(mail?.html).not.toContain("<img");
    expect(mail?.html).toContain("https://dihya.example.dz/admin/jobs?status=failed&amp;kind=x");
    expect(mail?.text).toContain("<img src=x onerror=alert(1)>");
  });

  it("skips a disabled account, and fails (for a retry) when SMTP is unreachable", async () => {
    const gone = await person("user");
    await db.transaction((tx) => updateUser(tx, admin, gone.id, { disabled: true }));
    const before = sink.received.length;
    const payload = { userId: gone.id, kind: "job.failed", severity: "critical", titleKey: "t", bodyKey: null, params: {}, link: null };
    await sendNotificationEmail(payload);
    expect(sink.received.length).toBe(before);

    const live = await person("user");
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    try {
      await expect(sendNotificationEmail({ ...payload, userId: live.id })).rejects.toThrow();
    } finally {
      process.env.SMTP_URL = sink.url;
    }
  });
});
