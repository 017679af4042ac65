import "server-only";
import { eq } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { z } from "zod";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { locales } from "@/i18n/config";
import { defineJob } from "@/server/platform/jobs/registry";
import { composeNotificationEmail } from "@/server/platform/notifications/email-message";
import { emailJobPayload } from "@/server/platform/notifications/email-payload";
import { clientEmailJobKind } from "./notify-client";

const payloadSchema = emailJobPayload.extend({ locale: z.enum(locales) });
const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport(url);
    transports.set(url, transport);
  }
  return transport;
}

/**
 * Handler of `billing.client_email`: the notification e-mail of a client notice (payment
 * received, reminder, overdue), composed by the platform's composer in the locale the job
 * carries (the client's), sent to the account's current address. A disabled or anonymised
 * account is skipped; an SMTP failure throws so the runner retries. Nothing is audited.
 */
export async function sendClientEmail(raw: Record<string, unknown>): Promise<void> {
  const payload = payloadSchema.parse(raw);
  const url = process.env.SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set: cannot send client e-mails");
  const db = await getDb();
  const [user] = await db
    .select({ email: users.email, name: users.name, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, payload.userId))
    .limit(1);
  if (!user || user.disabled) return;
  const message = await composeNotificationEmail({ name: user.name, locale: payload.locale }, payload);
  await transportFor(url).sendMail({
    from: process.env.DIHYA_MAIL_FROM || "Dihya <no-reply@dihya.local>",
    to: { name: user.name, address: user.email },
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: { "Auto-Submitted": "auto-generated", "X-Dihya-Notification-Kind": payload.kind },
  });
}

defineJob(clientEmailJobKind, (payload) => sendClientEmail(payload));
