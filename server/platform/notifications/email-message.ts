import "server-only";
import { direction, isLocale, defaultLocale } from "@/i18n/config";
import { kindLabelKey } from "@/lib/notification-kinds";
import type { EmailJobPayload } from "./email-payload";
import { renderWith, translatorFor } from "./render";

export type EmailMessage = { subject: string; text: string; html: string };

export function publicUrl(path: string): string {
  const base = process.env.DIHYA_PUBLIC_URL || "http://localhost:3000";
  return new URL(path, base.endsWith("/") ? base : `${base}/`).toString();
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * The e-mail for one notification, entirely in the recipient's language: subject = the
 * rendered title; a text part and an HTML part (lang and dir set, every value escaped)
 * with a link to the notification's target on DIHYA_PUBLIC_URL.
 */
export async function composeNotificationEmail(recipient: { name: string; locale: string }, p: EmailJobPayload): Promise<EmailMessage> {
  const locale = isLocale(recipient.locale) ? recipient.locale : defaultLocale;
  const t = await translatorFor(locale);
  const { title, body } = renderWith(t, p);
  const target = publicUrl(p.link ?? "/");
  const preferences = publicUrl("/profile#notification-preferences");
  const greeting = t("notifications.email.greeting", { name: recipient.name });
  const open = t("notifications.email.open");
  const footer = t("notifications.email.footer", { kind: t(kindLabelKey(p.kind)) });
  const manage = t("notifications.email.manage");

  const text = [
    greeting,
    "",
    title,
    ...(body ? ["", body] : []),
    "",
    `${open}: ${target}`,
    "",
    "-- ",
    footer,
    `${manage}: ${preferences}`,
  ].join("\n");
  const dir = direction[locale];
  const html = `<!doctype html>
<html lang="${locale}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:24px;background:#f7f3ec;color:#1f1a17;font-family:'Noto Sans','Noto Sans Arabic','Noto Sans Tifinagh',Arial,sans-serif;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e4dccf;border-radius:8px;padding:24px;text-align:start">
<p style="margin:0 0 16px">${escapeHtml(greeting)}</p>
<h1 style="font-size:20px;margin:0 0 12px">${escapeHtml(title)}</h1>
${body ? `<p style="margin:0 0 16px">${escapeHtml(body)}</p>` : ""}
<p style="margin:24px 0"><a href="${escapeHtml(target)}" style="background:#0067b0;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(open)}</a></p>
<hr style="border:none;border-top:1px solid #e4dccf;margin:24px 0">
<p style="font-size:13px;color:#5b524b;margin:0">${escapeHtml(footer)} <a href="${escapeHtml(preferences)}" style="color:#0067b0">${escapeHtml(manage)}</a></p>
</div>
</body>
</html>
`;
  return { subject: title, text, html };
}
