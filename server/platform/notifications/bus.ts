import "server-only";
import { getHandle } from "@/db/client";
import { notificationChannel } from "./signal";

type Listener = () => void;
type Handle = Awaited<ReturnType<typeof getHandle>>;
type Bus = {
  subscribers: Map<string, Set<Listener>>;
  handle: Handle | null;
  listening: Promise<void> | null;
  retry: ReturnType<typeof setTimeout> | null;
};

// One bus per process (globalThis survives module reloads), listening on one connection.
const g = globalThis as unknown as { __dihyaNotificationBus?: Bus };
const bus: Bus = (g.__dihyaNotificationBus ??= { subscribers: new Map(), handle: null, listening: null, retry: null });
const retryMs = 5_000;

function call(listeners: Iterable<Listener>) {
  for (const listener of listeners) {
    try {
      listener();
    } catch (error) {
      console.error("[notifications] subscriber failed:", error);
    }
  }
}

const deliver = (userId: string) => call([...(bus.subscribers.get(userId) ?? [])]);
const deliverAll = () => call([...bus.subscribers.values()].flatMap((set) => [...set]));

function scheduleRetry() {
  if (bus.retry || bus.subscribers.size === 0) return;
  bus.retry = setTimeout(() => {
    bus.retry = null;
    void ensureListening().catch(() => {});
  }, retryMs);
  bus.retry.unref?.();
}

/**
 * Starts LISTEN on the process's database handle (again if the handle was reopened).
 * postgres.js re-listens by itself after a reconnect; every subscriber is then woken so it
 * can catch up on what it missed. A failed start is retried while anyone is subscribed.
 */
function ensureListening(): Promise<void> {
  return getHandle().then((handle) => {
    if (bus.handle === handle && bus.listening) return bus.listening;
    bus.handle = handle;
    let started = false;
    const onListen = () => {
      if (started) deliverAll();
      started = true;
    };
    bus.listening = handle
      .listen(notificationChannel, (payload) => deliver(payload), onListen)
      .then(() => undefined)
      .catch((error: unknown) => {
        console.error("[notifications] LISTEN failed:", error);
        bus.handle = null;
        bus.listening = null;
        scheduleRetry();
        throw error;
      });
    return bus.listening;
  });
}

/**
 * Calls `onChange` whenever the user's notifications change (created or read) in any
 * process sharing the database, after the change commits. Resolves once listening;
 * returns the unsubscribe function.
 */
export async function subscribe(userId: string, onChange: Listener): Promise<() => void> {
  let set = bus.subscribers.get(userId);
  if (!set) bus.subscribers.set(userId, (set = new Set()));
  set.add(onChange);
  const unsubscribe = () => {
    const current = bus.subscribers.get(userId);
    current?.delete(onChange);
    if (current?.size === 0) bus.subscribers.delete(userId);
  };
  await ensureListening().catch(() => {});
  return unsubscribe;
}
