import type { ReadingFlag } from "./types";

/** The effective previous index of a cumulative meter and the instant it was read (epoch ms). */
export type PreviousIndex = { index: number; instant: number };
export type CounterStep = { value: number; flags: ReadingFlag[]; effective: number };
export type CounterRules = { intervalMs: number; jitterTolerance: number; rolloverAt: number | null };

/** A wrap is only believed when the wrapped amount is under this share of the counter's range. */
export const rolloverPlausibleShare = 0.1;

/**
 * The consumption between two index readings of a cumulative meter, never a negative or
 * runaway spike:
 * - `event: replacement` — a new meter starts from its own index: 0, flag `replacement`;
 * - no earlier index — nothing to subtract: 0, flag `gap_before`;
 * - index grew — the difference (flag `gap_before` when readings were missed in between);
 * - small step back (≤ jitter tolerance) — noise: 0, flag `jitter`, and the higher previous
 *   index stays the reference, so the noise is not counted twice when the index climbs back;
 * - big drop, with a known wrap value and a plausible wrap — `rollover`: wrap − prev + new;
 * - any other drop — `reset`: the counter restarted from zero, the new index is the value.
 */
export function counterStep(
  prev: PreviousIndex | null,
  index: number,
  instant: number,
  replacement: boolean,
  rules: CounterRules,
): CounterStep {
  if (replacement) return { value: 0, flags: ["replacement"], effective: index };
  if (!prev) return { value: 0, flags: ["gap_before"], effective: index };
  const flags: ReadingFlag[] = instant - prev.instant > rules.intervalMs ? ["gap_before"] : [];
  const delta = index - prev.index;
  if (delta >= 0) return { value: delta, flags, effective: index };
  if (-delta <= rules.jitterTolerance) return { value: 0, flags: [...flags, "jitter"], effective: prev.index };
  const wrap = rules.rolloverAt;
  if (wrap !== null && prev.index <= wrap) {
    const wrapped = wrap - prev.index + index;
    if (wrapped >= 0 && wrapped <= wrap * rolloverPlausibleShare)
      return { value: wrapped, flags: [...flags, "rollover"], effective: index };
  }
  return { value: index, flags: [...flags, "reset"], effective: index };
}
