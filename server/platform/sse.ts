import "server-only";

/** What a stream's owner may do: send events and comments, end the stream, know whether it ended. */
export type SseChannel = {
  event(name: string, data: unknown): void;
  close(): void;
  readonly closed: boolean;
};

export type SseOptions = {
  /** A comment is sent this often (proxies keep the connection), then `onHeartbeat` runs. */
  heartbeatMs: number;
  onHeartbeat?: () => void;
  /** The reconnection delay hinted to the browser (`retry:`). */
  retryMs?: number;
};

const encoder = new TextEncoder();

/**
 * A Server-Sent Events response. `open` runs when the body starts: it subscribes to what the
 * stream relays and returns its release function, called exactly once when the stream ends —
 * the client went away, the request was aborted, or the owner called `close()` (even while
 * `open` was still subscribing). Sends a `retry:` hint first and a comment every heartbeat.
 */
export function sseResponse(signal: AbortSignal, open: (channel: SseChannel) => Promise<() => void>, options: SseOptions): Response {
  let closed = false;
  let release: (() => void) | null = null;
  const finish = () => {
    const r = release;
    release = null;
    r?.();
  };

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const close = () => {
        if (closed) return;
        closed = true;
        finish();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      const send = (chunk: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          close();
        }
      };
      const channel: SseChannel = {
        event: (name, data) => send(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`),
        close,
        get closed() {
          return closed;
        },
      };

      send(`retry: ${options.retryMs ?? 5_000}\n\n`);
      const unsubscribe = await open(channel);
      const heartbeat = setInterval(() => {
        send(": ping\n\n");
        options.onHeartbeat?.();
      }, options.heartbeatMs);
      const onAbort = () => close();
      release = () => {
        clearInterval(heartbeat);
        unsubscribe();
        signal.removeEventListener("abort", onAbort);
      };
      if (closed) return finish(); // ended while subscribing
      if (signal.aborted) return close();
      signal.addEventListener("abort", onAbort);
    },
    cancel() {
      closed = true;
      finish();
    },
  });

  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
