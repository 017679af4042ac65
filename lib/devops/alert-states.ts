import { z } from "zod";

/**
 * Alert instances (Prometheus-style): pending (condition true, waiting `for`) → firing →
 * resolved. A pending instance whose condition clears is dropped silently. `source`: a
 * Dihya metric rule, or an alert received from Alertmanager.
 */
export const alertInstanceStates = ["pending", "firing", "resolved"] as const;
export type AlertInstanceState = (typeof alertInstanceStates)[number];
export const alertSources = ["rule", "alertmanager"] as const;
export type AlertSource = (typeof alertSources)[number];

/** The alerts page's history: one state (default: all), newest first by cursor. */
export const alertHistoryQuery = z.strictObject({
  state: z
    .enum(alertInstanceStates, "invalid")
    .or(z.literal("").transform(() => undefined))
    .optional(),
  cursor: z.string().max(600, "invalid").optional(),
  limit: z.coerce.number("invalid").int("invalid").min(1, "invalid").max(200, "invalid").default(25),
});
export type AlertHistoryQuery = z.output<typeof alertHistoryQuery>;
