/** Inputs shared by the demo shape generators. */

/** What a generator needs to know about a site. */
export type ShapeSite = {
  code: string;
  country: string;
  timezone: string;
  latitude: number;
  longitude: number;
  /** Installed capacity (or expected peak load) in kW. */
  capacityKw: number;
};

/** Consecutive slots: `slots` intervals of `intervalMinutes` from `start` (UTC ms). */
export type SlotRange = { start: number; slots: number; intervalMinutes: number };

/** The middle of slot `i` (UTC ms): where a slot's average is evaluated. */
export const slotMiddle = (range: SlotRange, i: number) => range.start + (i + 0.5) * range.intervalMinutes * 60_000;

/** Memoises a function of a day index (day-level draws of a generator). */
export function perDay<T>(fn: (day: number) => T): (day: number) => T {
  const cache = new Map<number, T>();
  return (day) => {
    let value = cache.get(day);
    if (value === undefined) {
      value = fn(day);
      cache.set(day, value);
    }
    return value;
  };
}

export const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
