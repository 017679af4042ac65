import "server-only";
import { hostname } from "node:os";
import mqtt, { type IPublishPacket, type MqttClient } from "mqtt";
import { inTransaction } from "@/db/client";
import { ingestMaxBytes } from "@/server/api/endpoints/readings-ingest";
import type { SystemActor } from "@/server/auth/actor";
import { ingestReadings, maxBatchItems } from "./ingest";

/** Gateways publish to dihya/readings/<meter code>; the last level names the meter when items omit it. */
export const readingsTopic = "dihya/readings/+";
const mqttActor: SystemActor = { kind: "system", id: "mqtt" };
const retryDelaysMs = [1_000, 5_000];
const readyTimeoutMs = 5_000;

const g = globalThis as unknown as { __dihyaMqtt?: Promise<() => Promise<void>> };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The items of a payload (one reading, `{ readings: [...] }` or a bare array), the topic's meter filled in; null if unusable. */
export function itemsOf(payload: unknown, topic: string): unknown[] | null {
  const topicMeter = topic.split("/").pop() ?? "";
  const list = Array.isArray(payload)
    ? payload
    : isRecord(payload) && Array.isArray(payload.readings)
      ? payload.readings
      : isRecord(payload)
        ? [payload]
        : null;
  if (!list) return null;
  return list.map((item) => (isRecord(item) && item.meter === undefined && topicMeter ? { ...item, meter: topicMeter } : item));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Ingests one message in its own transaction, retrying a failed transaction twice; then it is logged and dropped. */
async function handle(topic: string, payload: Buffer): Promise<void> {
  if (payload.length > ingestMaxBytes)
    return void console.warn(`[mqtt] ${topic}: message of ${payload.length} bytes dropped (over the cap)`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload.toString("utf8"));
  } catch {
    return void console.warn(`[mqtt] ${topic}: malformed JSON dropped`);
  }
  const items = itemsOf(parsed, topic);
  if (!items) return void console.warn(`[mqtt] ${topic}: payload is neither a reading nor { readings: [...] }; dropped`);
  if (items.length > maxBatchItems)
    return void console.warn(`[mqtt] ${topic}: ${items.length} readings dropped (at most ${maxBatchItems} per message)`);
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await inTransaction((tx) => ingestReadings(tx, mqttActor, items, { source: "mqtt" }));
      if (result.rejected.length > 0) {
        const first = result.rejected.slice(0, 5).map((r) => `#${r.index} ${r.code} (${r.detail})`);
        console.warn(`[mqtt] ${topic}: ${result.rejected.length} of ${items.length} rejected: ${first.join("; ")}`);
      }
      return;
    } catch (error) {
      const delay = retryDelaysMs[attempt];
      if (delay === undefined) return void console.error(`[mqtt] ${topic}: ingest failed, message dropped:`, error);
      await sleep(delay);
    }
  }
}

/**
 * When MQTT_URL is set (mqtt://, mqtts://, ws://…; MQTT_USERNAME / MQTT_PASSWORD optional),
 * subscribes to dihya/readings/+ with QoS 1 and feeds every message to the same ingest as
 * POST /api/consommation (source `mqtt`, a system actor). Each message is acknowledged once
 * its transaction committed, one message at a time; the session is persistent (client id
 * MQTT_CLIENT_ID, default dihya-<host>) so messages sent while Dihya is down are delivered
 * after, and a redelivered message is a duplicate, not a double count. MQTT_SHARE_GROUP
 * makes it a shared subscription when several app instances run. Resolves once subscribed
 * (or after 5 s, still retrying in the background); returns the stop function.
 */
export function startMqttIngest(): Promise<() => Promise<void>> {
  const url = process.env.MQTT_URL;
  if (!url) return Promise.resolve(async () => {});
  // Once per process, whatever the number of callers or module copies.
  g.__dihyaMqtt ??= connect(url).then((stop) => async () => {
    g.__dihyaMqtt = undefined;
    await stop();
  });
  return g.__dihyaMqtt;
}

async function connect(url: string): Promise<() => Promise<void>> {
  const group = process.env.MQTT_SHARE_GROUP;
  const topic = group ? `$share/${group}/${readingsTopic}` : readingsTopic;
  const client: MqttClient = mqtt.connect(url, {
    clientId: process.env.MQTT_CLIENT_ID ?? `dihya-${hostname()}`,
    clean: false,
    username: process.env.MQTT_USERNAME,
    password: process.env.MQTT_PASSWORD,
    reconnectPeriod: 5_000,
  });
  client.handleMessage = (packet: IPublishPacket, done: (error?: Error) => void) => {
    const payload = Buffer.from(packet.payload);
    handle(packet.topic, payload).then(
      () => done(),
      (error: unknown) => {
        console.error("[mqtt] handler failed:", error);
        done();
      },
    );
  };
  client.on("error", (error) => console.error("[mqtt]", error.message));
  const ready = new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      console.warn(`[mqtt] not subscribed yet to ${topic} on ${new URL(url).host}; still trying`);
      resolve();
    }, readyTimeoutMs);
    client.on("connect", (ack) => {
      if (ack.sessionPresent) return void (clearTimeout(timer), resolve());
      client.subscribe(topic, { qos: 1 }, (error) => {
        if (error) return void console.error(`[mqtt] subscribe to ${topic} failed:`, error.message);
        console.log(`[mqtt] subscribed to ${topic}`);
        clearTimeout(timer);
        resolve();
      });
    });
  });
  await ready;
  return async () => {
    await client.endAsync();
  };
}
