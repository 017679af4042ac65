import "server-only";
import { channelBus } from "@/server/platform/channel-bus";
import { readingsChannel, type ReadingsSignal } from "./after-ingest";

/** Called with an ingest's signal, or with null after a reconnect (signals may have been missed). */
type Listener = (signal: ReadingsSignal | null) => void;

function parse(payload: string): { key: string; message: ReadingsSignal } | null {
  try {
    const v = JSON.parse(payload) as Partial<ReadingsSignal>;
    if (typeof v.meterId !== "string" || typeof v.from !== "string" || typeof v.to !== "string") return null;
    return { key: v.meterId, message: { meterId: v.meterId, siteId: String(v.siteId ?? ""), from: v.from, to: v.to } };
  } catch {
    return null;
  }
}

// One LISTEN on `dihya_readings` per process, fanned out by meter id.
const bus = channelBus("__dihyaReadingsBus", readingsChannel, parse);

/**
 * Calls `listener` for each committed ingest touching one of `meterIds` (in any process
 * sharing the database). Resolves once listening; returns the unsubscribe function.
 */
export function subscribeReadings(meterIds: readonly string[], listener: Listener): Promise<() => void> {
  return bus.subscribe(meterIds, listener);
}
