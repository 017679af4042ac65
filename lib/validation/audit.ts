import { z } from "zod";

/** Who can appear as the actor of an audit row (see server/platform/audit.ts). */
export const auditActorTypes = ["user", "api_key", "oauth_client", "system", "anonymous"] as const;
export type AuditActorType = (typeof auditActorTypes)[number];

export const exportFormats = ["csv", "pdf"] as const;

/** An empty parameter (a submitted empty form field) means "no filter". */
const text = (max: number) => z.string().trim().max(max, "invalid").optional();
const day = z.iso.date("dateInvalid").or(z.literal("")).optional();

/**
 * Audit-trail filters, shared by the admin page, GET /api/audit and the export route.
 * `action` matches exactly, or as a prefix when it ends with `*` (`user.*`); `actor`
 * searches the actor's label and id; `from`/`to` are calendar days in Africa/Algiers, both
 * included. Error messages are keys of the `validation` namespace.
 */
const filterShape = {
  actor_type: z.enum(auditActorTypes, "invalid").or(z.literal("")).optional(),
  actor: text(200),
  entity_type: text(100),
  entity_id: text(200),
  action: text(100),
  from: day,
  to: day,
};

const periodInOrder = (v: { from?: string; to?: string }) => !v.from || !v.to || v.from <= v.to;
const periodIssue = { message: "periodInvalid", path: ["to"] };

export const auditFilters = z.strictObject(filterShape).refine(periodInOrder, periodIssue);
export type AuditFilters = z.output<typeof auditFilters>;

export const listAuditQuery = z
  .strictObject({
    ...filterShape,
    cursor: z.string().max(300, "invalid").optional(),
    limit: z.coerce.number("invalid").int("invalid").min(1, "invalid").max(500, "invalid").default(50),
  })
  .refine(periodInOrder, periodIssue);
export type ListAuditQuery = z.output<typeof listAuditQuery>;

export const exportAuditQuery = z
  .strictObject({ ...filterShape, format: z.enum(exportFormats, "invalid") })
  .refine(periodInOrder, periodIssue);

/** The filter keys, in display order (the page and the export links keep them in the URL). */
export const auditFilterKeys = Object.keys(filterShape) as (keyof AuditFilters)[];
