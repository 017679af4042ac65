import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { inTransaction, type Tx } from "@/db/client";
import type { Permission } from "@/lib/permissions";
import { DomainError } from "@/server/platform/errors";
import { can, type UserActor } from "./actor";
import { getActor } from "./guards";

export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; code: string; messageKey: string; fieldErrors?: Record<string, string[]> };

type Options<S extends z.ZodType> = { schema: S; permission: Permission };
type Run<S extends z.ZodType, T> = (ctx: { actor: UserActor; input: z.output<S>; tx: Tx }) => Promise<T>;

/** Zod issues as field → message keys (the `validation` namespace translates them). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * The one way to build a server action: session → zod → permission → transaction (the
 * domain service writes its audit row in it). Every exported 'use server' function is a
 * public endpoint, so nothing here trusts the caller. Accepts an object or FormData.
 */
export function defineAction<S extends z.ZodType, T>(options: Options<S>, run: Run<S, T>) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      const actor = await getActor();
      if (!actor) return { ok: false, code: "unauthenticated", messageKey: "unauthenticated" };
      const input = raw instanceof FormData ? Object.fromEntries(raw.entries()) : raw;
      const parsed = options.schema.safeParse(input);
      if (!parsed.success) {
        return { ok: false, code: "validation_failed", messageKey: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
      }
      if (!can(actor, options.permission)) return { ok: false, code: "forbidden", messageKey: "forbidden" };
      const data = await inTransaction((tx) => run({ actor, input: parsed.data, tx }));
      return { ok: true, data };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof DomainError) {
        return {
          ok: false,
          code: error.code,
          messageKey: error.messageKey,
          fieldErrors: error.field ? { [error.field]: [error.messageKey] } : undefined,
        };
      }
      console.error("[action]", error);
      return { ok: false, code: "internal", messageKey: "internal" };
    }
  };
}
