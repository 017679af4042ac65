import { z } from "zod";
import { matcherOps, matcherProblem, silencesEverything, type Matcher } from "./alert-matchers";

/**
 * Silences: the API body, the action and the form. Error messages are keys of the
 * `validation` namespace. Times are ISO 8601 with an offset (the form sends UTC).
 */
export const silenceStates = ["active", "pending", "expired"] as const;
export type SilenceState = (typeof silenceStates)[number];

export const maxSilenceDays = 366;

export const matcherSchema = z
  .strictObject({
    name: z.string("required").trim().min(1, "required").max(100, "silenceLabelInvalid"),
    op: z.enum(matcherOps, "invalid"),
    value: z.string("required").max(200, "silenceValueTooLong"),
  })
  .superRefine((m, ctx) => {
    const problem = matcherProblem(m);
    if (problem) ctx.addIssue({ code: "custom", message: problem, path: [problem === "silenceLabelInvalid" ? "name" : "value"] });
  });

export const matchersSchema = z
  .array(matcherSchema, "invalid")
  .min(1, "silenceMatchersRequired")
  .max(20, "silenceMatchersTooMany")
  .refine((ms) => !silencesEverything(ms as Matcher[]), { message: "silenceMatchesEverything" });

const instant = z.iso.datetime({ offset: true, message: "dateInvalid" }).transform((v) => new Date(v));

/** POST /api/monitoring/silences. `startsAt` defaults to now; `endsAt` must come after it (and after now). */
export const createSilenceSchema = z
  .strictObject({
    matchers: matchersSchema,
    startsAt: instant.optional(),
    endsAt: instant,
    comment: z.string("required").trim().min(3, "silenceCommentRequired").max(500, "descriptionTooLong"),
  })
  .refine((s) => !s.startsAt || s.endsAt.getTime() > s.startsAt.getTime(), { message: "silenceEndBeforeStart", path: ["endsAt"] });
export type CreateSilenceInput = z.input<typeof createSilenceSchema>;
export type CreateSilence = z.output<typeof createSilenceSchema>;

export const silenceIdInput = z.strictObject({ id: z.uuid("invalid") });

const emptyAsUndefined = z.literal("").transform(() => undefined);

/** GET /api/monitoring/silences: one state (default: all), newest first by cursor. */
export const listSilencesQuery = z.strictObject({
  state: z.enum(silenceStates, "invalid").or(emptyAsUndefined).optional(),
  cursor: z.string().max(600, "invalid").optional(),
  limit: z.coerce.number("invalid").int("invalid").min(1, "invalid").max(500, "invalid").default(100),
});
export type ListSilencesQuery = z.output<typeof listSilencesQuery>;

/** The silence form: matcher rows, a start (empty: now) and an end as local date-times, a comment. */
export type SilenceFormValues = {
  matchers: { name: string; op: string; value: string }[];
  startsAt: string;
  endsAt: string;
  comment: string;
};

/**
 * The form's check (same rules), giving the API shape. `startsAt` / `endsAt` are
 * `datetime-local` values read in the browser's zone (converted to ISO by `toIso`).
 */
export function silenceFormSchema(toIso: (local: string) => string | null) {
  const local = (required: boolean) =>
    z
      .string()
      .trim()
      .transform((v, ctx) => {
        if (v === "" && !required) return undefined;
        const iso = v === "" ? null : toIso(v);
        if (!iso) {
          ctx.addIssue({ code: "custom", message: v === "" ? "required" : "dateInvalid" });
          return z.NEVER;
        }
        return new Date(iso);
      });
  return z
    .object({
      matchers: matchersSchema,
      startsAt: local(false),
      endsAt: local(true),
      comment: z.string().trim().min(3, "silenceCommentRequired").max(500, "descriptionTooLong"),
    })
    .refine((s) => !s.endsAt || s.endsAt.getTime() > (s.startsAt ?? new Date()).getTime(), {
      message: "silenceEndBeforeStart",
      path: ["endsAt"],
    })
    .transform((s) => ({
      matchers: s.matchers,
      ...(s.startsAt ? { startsAt: s.startsAt.toISOString() } : {}),
      endsAt: (s.endsAt as Date).toISOString(),
      comment: s.comment,
    }));
}
