import "server-only";
import { z } from "zod";
import { locales } from "@/i18n/config";
import { roles } from "@/lib/permissions";

/** Response shapes shared by the endpoint definitions (documentation only; DTOs are built by services). */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item),
    next_cursor: z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last page."),
  });

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string().describe("Stable machine-readable error code."),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export const userDto = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  locale: z.enum(locales),
  theme: z.string(),
  disabled: z.boolean(),
  locked: z.boolean(),
  lastSignInAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});

export const healthDto = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.enum(["reachable", "unreachable"]),
  driver: z.string().optional(),
});
