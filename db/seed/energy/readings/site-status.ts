/**
 * What a site's status history does to its demo readings: none after it was decommissioned,
 * zeros while out of service, half the production during maintenance.
 */
import type { SlotRange } from "./shape-types";

export type StatusChange = { status: string; at: Date };

/**
 * Applies the history (oldest first) to `values` (canonical unit per slot) in place: NaN
 * (no reading) once decommissioned, 0 out of service, ×0.5 production under maintenance.
 */
export function applyStatus(values: Float64Array, range: SlotRange, history: StatusChange[], production: boolean): void {
  const step = range.intervalMinutes * 60_000;
  let next = 0;
  let status = "in_service";
  for (let i = 0; i < values.length; i++) {
    const ms = range.start + i * step;
    while (next < history.length && history[next]!.at.getTime() <= ms) status = history[next++]!.status;
    if (status === "decommissioned") values[i] = Number.NaN;
    else if (status === "out_of_service") values[i] = 0;
    else if (status === "maintenance" && production) values[i] = values[i]! * 0.5;
  }
}

/** Whether the site still has a live meter: not decommissioned at the end of the range. */
export function activeAtEnd(history: StatusChange[]): boolean {
  return history[history.length - 1]?.status !== "decommissioned";
}
