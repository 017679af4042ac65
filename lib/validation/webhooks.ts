import { z } from "zod";
import { webhookEventTypes } from "@/lib/webhook-events";

/** Error messages are keys of the `validation` namespace in messages/*.json. */
export const webhookUrl = z
  .string()
  .trim()
  .min(1, "required")
  .max(2000, "urlTooLong")
  .refine((value) => URL.canParse(value), "urlInvalid")
  .refine((value) => !URL.canParse(value) || ["http:", "https:"].includes(new URL(value).protocol), "urlScheme")
  .refine((value) => {
    if (!URL.canParse(value)) return true;
    const url = new URL(value);
    return url.username === "" && url.password === "";
  }, "urlCredentials");

const description = z.string().trim().max(500, "descriptionTooLong");
const eventTypes = z
  .array(z.enum(webhookEventTypes, "eventUnknown"), "eventsRequired")
  .min(1, "eventsRequired")
  .transform((list) => [...new Set(list)]);

export const createWebhookSchema = z.strictObject({ url: webhookUrl, description: description.default(""), eventTypes });
export type CreateWebhookInput = z.input<typeof createWebhookSchema>;

/** The edit form: both fields, as shown. */
export const editWebhookSchema = z.strictObject({ description, eventTypes });
export type EditWebhookInput = z.input<typeof editWebhookSchema>;

export const updateWebhookSchema = editWebhookSchema.partial().refine((v) => Object.keys(v).length > 0, "nothingToChange");
export type UpdateWebhookInput = z.input<typeof updateWebhookSchema>;

export const listPageQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(25),
});
