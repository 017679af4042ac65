import { businessSecondsBetween, currentWindowEnd, type BusinessCalendar } from "./business-time";

/**
 * One SLA clock of an incident (time to acknowledge or time to resolve), as shown and as
 * judged by the SLA job. Remaining time is business time on the policy's calendar: it only
 * decreases inside working hours, so a countdown should tick only while `ticking`.
 */
export const clockStates = ["running", "warning", "paused", "met", "breached", "cancelled"] as const;
export type ClockState = (typeof clockStates)[number];
export type ClockKind = "ack" | "resolve";

export type SlaClock = {
  kind: ClockKind;
  dueAt: Date;
  targetSeconds: number;
  /** Business seconds left (negative: overdue), at the stop, the pause or now. */
  remainingSeconds: number;
  percentUsed: number;
  state: ClockState;
  /** Whether the remaining time decreases right now (counting and inside working hours). */
  ticking: boolean;
  /** End of the current working window while ticking (the countdown stops there). */
  tickUntil: Date | null;
  stoppedAt: Date | null;
};

/** A clock as sent to pages and API clients (times as ISO strings). */
export type SlaClockDto = {
  kind: ClockKind;
  dueAt: string;
  targetSeconds: number;
  remainingSeconds: number;
  percentUsed: number;
  state: ClockState;
  ticking: boolean;
  tickUntil: string | null;
  stoppedAt: string | null;
};

export type ClockInput = {
  kind: ClockKind;
  dueAt: Date | null;
  /** acknowledgedAt for the ack clock, resolvedAt for the resolve clock. */
  stoppedAt: Date | null;
  cancelledAt: Date | null;
  pausedAt: Date | null;
  targetSeconds: number;
  warnPercent: number;
  now: Date;
  calendar: BusinessCalendar | null;
};

function signedRemaining(ref: Date, due: Date, cal: BusinessCalendar | null): number {
  return ref <= due ? businessSecondsBetween(ref, due, cal) : -businessSecondsBetween(due, ref, cal);
}

export function computeClock(input: ClockInput): SlaClock | null {
  const { dueAt, stoppedAt, cancelledAt, pausedAt, now, calendar } = input;
  if (!dueAt) return null;
  const ref = stoppedAt ?? cancelledAt ?? pausedAt ?? now;
  const remainingSeconds = signedRemaining(ref, dueAt, calendar);
  const target = input.targetSeconds;
  const percentUsed = target > 0 ? Math.max(0, Math.round((100 * (target - remainingSeconds)) / target)) : 0;
  let state: ClockState;
  if (stoppedAt) state = stoppedAt <= dueAt ? "met" : "breached";
  else if (cancelledAt) state = "cancelled";
  else if (ref >= dueAt) state = "breached";
  else if (pausedAt) state = "paused";
  else state = percentUsed >= input.warnPercent ? "warning" : "running";
  const counting = !stoppedAt && !cancelledAt && !pausedAt;
  const windowEnd = counting ? currentWindowEnd(now, calendar) : null;
  return {
    kind: input.kind,
    dueAt,
    targetSeconds: target,
    remainingSeconds,
    percentUsed,
    state,
    ticking: windowEnd !== null,
    // Without a calendar the window never ends: no limit to send.
    tickUntil: windowEnd && windowEnd.getTime() < 253_402_300_800_000 ? windowEnd : null,
    stoppedAt: stoppedAt ?? null,
  };
}
