import "server-only";
import { getHandle } from "@/db/client";
import { readingsChannel, type ReadingsSignal } from "./after-ingest";

/** Called with an ingest's signal, or with null after a reconnect (signals may have been missed). */
type Listener = (signal: ReadingsSignal | null) => void;
type Handle = Awaited<ReturnType<typeof getHandle>>;
type Bus = {
  subscribers: Map<string, Set<Listener>>;
  handle: Handle | null;
  listening: Promise<void> | null;
  retry: ReturnType<typeof setTimeout> | null;
};

// One bus per process (globalThis survives module reloads), one LISTEN on `dihya_readings`.
const g = globalThis as unknown as { __dihyaReadingsBus?: Bus };
const bus: Bus = (g.__dihyaReadingsBus ??= { subscribers: new Map(), handle: null, listening: null, retry: null });
const retryMs = 5_000;

function call(listeners: Iterable<Listener>, signal: ReadingsSignal | null) {
  for (const listener of listeners) {
    try {
      listener(signal);
    } catch (error) {
      console.error("[readings] live subscriber failed:", error);
    }
  }
}

function parse(payload: string): ReadingsSignal | null {
  try {
    const v = JSON.parse(payload) as Partial<ReadingsSignal>;
    if (typeof v.meterId !== "string" || typeof v.from !== "string" || typeof v.to !== "string") return null;
    return { meterId: v.meterId, siteId: String(v.siteId ?? ""), from: v.from, to: v.to };
  } catch {
    return null;
  }
}

function deliver(payload: string) {
  const signal = parse(payload);
  if (signal) call([...(bus.subscribers.get(signal.meterId) ?? [])], signal);
}

function scheduleRetry() {
  if (bus.retry || bus.subscribers.size === 0) return;
  bus.retry = setTimeout(() => {
    bus.retry = null;
    void ensureListening().catch(() => {});
  }, retryMs);
  bus.retry.unref?.();
}

/** LISTEN once per database handle; after a reconnect every subscriber hears `null`. */
function ensureListening(): Promise<void> {
  return getHandle().then((handle) => {
    if (bus.handle === handle && bus.listening) return bus.listening;
    bus.handle = handle;
    let started = false;
    const onListen = () => {
      if (started)
        call(
          [...bus.subscribers.values()].flatMap((set) => [...set]),
          null,
        );
      started = true;
    };
    bus.listening = handle
      .listen(readingsChannel, deliver, onListen)
      .then(() => undefined)
      .catch((error: unknown) => {
        console.error("[readings] LISTEN failed:", error);
        bus.handle = null;
        bus.listening = null;
        scheduleRetry();
        throw error;
      });
    return bus.listening;
  });
}

/**
 * Calls `listener` for each committed ingest touching one of `meterIds` (in any process
 * sharing the database). Resolves once listening; returns the unsubscribe function.
 */
export async function subscribeReadings(meterIds: readonly string[], listener: Listener): Promise<() => void> {
  for (const id of meterIds) {
    let set = bus.subscribers.get(id);
    if (!set) bus.subscribers.set(id, (set = new Set()));
    set.add(listener);
  }
  const unsubscribe = () => {
    for (const id of meterIds) {
      const set = bus.subscribers.get(id);
      set?.delete(listener);
      if (set?.size === 0) bus.subscribers.delete(id);
    }
  };
  await ensureListening().catch(() => {});
  return unsubscribe;
}
