import "server-only";
import { eq } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { defineJob } from "@/server/platform/jobs/registry";
import { emailJobKind, emailJobPayload } from "./email-payload";
import { composeNotificationEmail } from "./email-message";

const transports = new Map<string, Transporter>();

/** One nodemailer transport per SMTP_URL (e.g. smtp://127.0.0.1:2526, smtps://user:pass@host). */
function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport(url);
    transports.set(url, transport);
  }
  return transport;
}

export const mailFrom = () => process.env.DIHYA_MAIL_FROM || "Dihya <no-reply@dihya.local>";

/**
 * Handler of `notification.email`: sends one notification to its recipient's current
 * address, in their current language. A deleted or disabled account is skipped; an SMTP
 * failure throws, so the runner retries and records it in the job's last_error.
 * Sending changes no data, so nothing is audited.
 */
export async function sendNotificationEmail(raw: Record<string, unknown>): Promise<void> {
  const payload = emailJobPayload.parse(raw);
  const url = process.env.SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set: cannot send notification e-mails");
  const db = await getDb();
  const [user] = await db
    .select({ email: users.email, name: users.name, locale: users.locale, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, payload.userId))
    .limit(1);
  if (!user || user.disabled) return;
  const message = await composeNotificationEmail(user, payload);
  await transportFor(url).sendMail({
    from: mailFrom(),
    to: { name: user.name, address: user.email },
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: { "Auto-Submitted": "auto-generated", "X-Dihya-Notification-Kind": payload.kind },
  });
}

defineJob(emailJobKind, (payload) => sendNotificationEmail(payload));
