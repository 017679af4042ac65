import { z } from "zod";

/** Error messages are keys of the `validation` namespace in messages/*.json. */
export const faultReportStatuses = ["new", "accepted", "rejected"] as const;
export type FaultReportStatus = (typeof faultReportStatuses)[number];

/** The token printed in a label's QR code (base64url, see server/energy/equipment/qr.ts). */
export const qrTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "invalid");

const optional = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .nullish()
    .transform((v) => (v ? v : null));

/**
 * The public fault-report form (no account). `website` is a honeypot: people leave it
 * empty, form-filling robots do not.
 */
export const faultReportSchema = z.strictObject({
  token: qrTokenSchema,
  description: z.string().trim().min(10, "descriptionTooShort").max(2000, "descriptionTooLongReport"),
  reporterName: optional(120, "nameTooLong"),
  reporterContact: optional(200, "contactTooLong"),
  website: z.string().max(500).optional(),
});
export type FaultReportInput = z.input<typeof faultReportSchema>;
export type FaultReport = z.output<typeof faultReportSchema>;

/** A wall-clock date and time as typed in a `datetime-local` field (read in the site's zone). */
export const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "plannedStartInvalid");

/**
 * Accepting a report plans a corrective intervention from it (same bounds and messages as
 * the maintenance planning form).
 */
export const acceptFaultReportSchema = z.strictObject({
  id: z.uuid(),
  title: z.string().trim().min(3, "interventionTitleLength").max(200, "interventionTitleLength"),
  plannedStart: localDateTime,
  plannedDurationMinutes: z.coerce
    .number("plannedDurationInvalid")
    .int("plannedDurationInvalid")
    .min(5, "plannedDurationInvalid")
    .max(7 * 24 * 60, "plannedDurationInvalid"),
  assignedTo: z.uuid("assigneeNotTechnician").or(z.literal("")).optional(),
});
export type AcceptFaultReportInput = z.input<typeof acceptFaultReportSchema>;

export const rejectFaultReportSchema = z.strictObject({
  id: z.uuid(),
  reason: z.string().trim().min(3, "reasonRequired").max(500, "reasonTooLong"),
});
export type RejectFaultReportInput = z.input<typeof rejectFaultReportSchema>;

export const listFaultReportsQuery = z.strictObject({
  status: z.enum(faultReportStatuses, "invalid").or(z.literal("all")).or(z.literal("")).optional(),
  site: z.uuid("invalid").or(z.literal("")).optional(),
  q: z.string().trim().max(120, "invalid").optional(),
  cursor: z.string().max(300, "invalid").optional(),
  limit: z.coerce.number("invalid").int("invalid").min(1, "invalid").max(200, "invalid").default(25),
});
export type ListFaultReportsQuery = z.output<typeof listFaultReportsQuery>;
