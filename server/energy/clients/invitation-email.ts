import "server-only";
import { eq } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { z } from "zod";
import { getDb } from "@/db/client";
import { clientInvitations, clients } from "@/db/schema";
import { defaultLocale, direction, isLocale } from "@/i18n/config";
import { defineJob } from "@/server/platform/jobs/registry";
import { mailFrom } from "@/server/platform/notifications/email-job";
import { publicUrl, type EmailMessage } from "@/server/platform/notifications/email-message";
import { formatWhen, translatorFor } from "@/server/platform/notifications/render";
import { invitationEmailJob } from "./client-accounts";

const payloadSchema = z.object({ invitationId: z.uuid(), token: z.string().min(20).max(100) });

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The invitation e-mail, entirely in the client's language (text and HTML parts, lang and dir set). */
export async function composeInvitationEmail(input: {
  locale: string;
  clientName: string;
  link: string;
  expiresAt: Date;
}): Promise<EmailMessage> {
  const locale = isLocale(input.locale) ? input.locale : defaultLocale;
  const t = await translatorFor(locale);
  const subject = t("invitation.email.subject", { client: input.clientName });
  const intro = t("invitation.email.intro", { client: input.clientName });
  const open = t("invitation.email.open");
  const expires = t("invitation.email.expires", { when: formatWhen(locale, input.expiresAt) });
  const ignore = t("invitation.email.ignore");
  const text = [t("invitation.email.greeting"), "", intro, "", `${open}: ${input.link}`, "", expires, ignore].join("\n");
  const html = `<!doctype html>
<html lang="${locale}" dir="${direction[locale]}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f7f3ec;color:#1f1a17;font-family:'Noto Sans','Noto Sans Arabic','Noto Sans Tifinagh',Arial,sans-serif;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e4dccf;border-radius:8px;padding:24px;text-align:start">
<p style="margin:0 0 16px">${escapeHtml(t("invitation.email.greeting"))}</p>
<p style="margin:0 0 16px">${escapeHtml(intro)}</p>
<p style="margin:24px 0"><a href="${escapeHtml(input.link)}" style="background:#0067b0;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(open)}</a></p>
<p style="font-size:13px;color:#5b524b;margin:0">${escapeHtml(expires)} ${escapeHtml(ignore)}</p>
</div>
</body>
</html>
`;
  return { subject, text, html };
}

let transport: { url: string; t: Transporter } | null = null;

/**
 * Handler of `client.invitation.email`: sends the invitation link to the invited address.
 * An invitation already accepted or expired is skipped; an SMTP failure throws (retried).
 */
export async function sendInvitationEmail(raw: Record<string, unknown>): Promise<void> {
  const payload = payloadSchema.parse(raw);
  const url = process.env.SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set: cannot send invitation e-mails");
  const db = await getDb();
  const [row] = await db
    .select({ inv: clientInvitations, clientName: clients.name, locale: clients.locale })
    .from(clientInvitations)
    .innerJoin(clients, eq(clients.id, clientInvitations.clientId))
    .where(eq(clientInvitations.id, payload.invitationId))
    .limit(1);
  if (!row || row.inv.acceptedAt || row.inv.expiresAt <= new Date()) return;
  const message = await composeInvitationEmail({
    locale: row.locale,
    clientName: row.clientName,
    link: publicUrl(`/invitation/${payload.token}`),
    expiresAt: row.inv.expiresAt,
  });
  if (transport?.url !== url) transport = { url, t: nodemailer.createTransport(url) };
  await transport.t.sendMail({
    from: mailFrom(),
    to: row.inv.email,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: { "Auto-Submitted": "auto-generated", "X-Dihya-Notification-Kind": "client.invitation" },
  });
}

defineJob(invitationEmailJob, (payload) => sendInvitationEmail(payload));
