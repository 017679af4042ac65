import "server-only";
import { getHandle } from "@/db/client";

type Handle = Awaited<ReturnType<typeof getHandle>>;
/** Called with a message, or with null after a reconnect (messages may have been missed: catch up). */
export type BusListener<Message> = (message: Message | null) => void;

type State<Message> = {
  subscribers: Map<string, Set<BusListener<Message>>>;
  handle: Handle | null;
  listening: Promise<void> | null;
  retry: ReturnType<typeof setTimeout> | null;
};

export type ChannelBus<Message> = {
  /** Calls `listener` for every message addressed to one of `keys`. Resolves once listening; returns the unsubscribe function. */
  subscribe(keys: readonly string[], listener: BusListener<Message>): Promise<() => void>;
};

const retryMs = 5_000;

/**
 * One PostgreSQL `LISTEN` per process for a channel, fanned out to in-process subscribers
 * by key (a user id, a meter id). `parse` turns a NOTIFY payload into its key and message
 * (null: ignored). The state lives on globalThis under `name`, so module reloads share it.
 * postgres.js re-listens by itself after a reconnect; every subscriber then hears `null`
 * so it can catch up on what it missed. A failed start is retried while anyone listens.
 * NOTIFY is delivered after the sending transaction commits, to every process on the database.
 */
export function channelBus<Message>(
  name: string,
  channel: string,
  parse: (payload: string) => { key: string; message: Message } | null,
): ChannelBus<Message> {
  const g = globalThis as unknown as Record<string, State<Message> | undefined>;
  const bus: State<Message> = (g[name] ??= { subscribers: new Map(), handle: null, listening: null, retry: null });

  const call = (listeners: Iterable<BusListener<Message>>, message: Message | null) => {
    for (const listener of listeners) {
      try {
        listener(message);
      } catch (error) {
        console.error(`[${channel}] subscriber failed:`, error);
      }
    }
  };
  const deliver = (payload: string) => {
    const parsed = parse(payload);
    if (parsed) call([...(bus.subscribers.get(parsed.key) ?? [])], parsed.message);
  };
  const scheduleRetry = () => {
    if (bus.retry || bus.subscribers.size === 0) return;
    bus.retry = setTimeout(() => {
      bus.retry = null;
      void ensureListening().catch(() => {});
    }, retryMs);
    bus.retry.unref?.();
  };
  const ensureListening = (): Promise<void> =>
    getHandle().then((handle) => {
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
        .listen(channel, deliver, onListen)
        .then(() => undefined)
        .catch((error: unknown) => {
          console.error(`[${channel}] LISTEN failed:`, error);
          bus.handle = null;
          bus.listening = null;
          scheduleRetry();
          throw error;
        });
      return bus.listening;
    });

  return {
    async subscribe(keys, listener) {
      for (const key of keys) {
        let set = bus.subscribers.get(key);
        if (!set) bus.subscribers.set(key, (set = new Set()));
        set.add(listener);
      }
      const unsubscribe = () => {
        for (const key of keys) {
          const set = bus.subscribers.get(key);
          set?.delete(listener);
          if (set?.size === 0) bus.subscribers.delete(key);
        }
      };
      await ensureListening().catch(() => {});
      return unsubscribe;
    },
  };
}
