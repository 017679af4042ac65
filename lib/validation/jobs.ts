import { z } from "zod";

export const jobStatuses = ["queued", "running", "succeeded", "failed"] as const;
export type JobStatus = (typeof jobStatuses)[number];

export const listJobsQuery = z.strictObject({
  status: z.enum(jobStatuses).optional(),
  kind: z
    .string()
    .trim()
    .max(100)
    .regex(/^[a-z0-9_.-]+$/i)
    .optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const retryJobSchema = z.strictObject({ id: z.uuid() });

export const scheduleToggleSchema = z.strictObject({
  name: z.string().min(1).max(200),
  enabled: z.boolean(),
});
