import { createConnection } from "node:net";
import { asc, eq } from "drizzle-orm";
import mqtt from "mqtt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { ingestBatches, readings } from "@/db/schema";
import { createMeterSchema } from "@/lib/validation/meters";
import { createMeter } from "@/server/energy/meters/meters-service";
import { startMqttIngest } from "@/server/energy/readings/mqtt";
import { freshDb, systemActor } from "../support/db";
import { makeSite } from "../support/maintenance-fixtures";

const brokerUrl = process.env.TEST_MQTT_URL ?? "mqtt://127.0.0.1:1883";

/** Whether something accepts TCP connections at the broker's address. */
function listening(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 1883) });
    socket.setTimeout(1000);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}
const brokerUp = await listening(brokerUrl);
if (!brokerUp) console.warn(`[mqtt-ingest] skipped: no MQTT broker listens at ${brokerUrl} (start Mosquitto, or set TEST_MQTT_URL)`);

describe.skipIf(!brokerUp)("MQTT ingest (dihya/readings/<meter>)", () => {
  let db: Db;
  let stop: () => Promise<void>;
  let publisher: mqtt.MqttClient;
  let meterId: string;
  const suffix = `${process.pid}${Date.now().toString(36)}`.toUpperCase();
  const code = `MQ-${suffix}`;
  const rows = () => db.select().from(readings).where(eq(readings.meterId, meterId)).orderBy(asc(readings.ts));
  /** QoS 1 is acknowledged hop by hop: the publisher's ack comes from the broker, so wait for Dihya's write. */
  async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    for (let i = 0; ; i++) {
      const value = await read();
      if (done(value) || i >= 100) return value;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  beforeAll(async () => {
    db = await freshDb();
    const siteId = await makeSite(db, { name: "Poste de Bechar" });
    meterId = (
      await db.transaction((tx) =>
        createMeter(
          tx,
          systemActor,
          createMeterSchema.parse({ siteId, code, name: "Départ MQTT", kind: "consumption", quantity: "energy" }),
        ),
      )
    ).id;
    process.env.MQTT_URL = brokerUrl;
    process.env.MQTT_CLIENT_ID = `dihya-test-${suffix.toLowerCase()}`;
    stop = await startMqttIngest();
    publisher = await mqtt.connectAsync(brokerUrl, { clientId: `dihya-test-pub-${suffix.toLowerCase()}` });
  });

  afterAll(async () => {
    await publisher?.endAsync();
    await stop?.();
    // The ingest keeps a persistent session: end it, so the broker queues nothing for this test's client id.
    if (process.env.MQTT_CLIENT_ID)
      await (await mqtt.connectAsync(brokerUrl, { clientId: process.env.MQTT_CLIENT_ID, clean: true })).endAsync();
    delete process.env.MQTT_URL;
    delete process.env.MQTT_CLIENT_ID;
  });

  it("stores a reading published on the meter's topic (the meter taken from the topic)", async () => {
    await publisher.publishAsync(`dihya/readings/${code}`, JSON.stringify({ ts: "2026-01-12T10:00:00+01:00", value: 2500, unit: "Wh" }), {
      qos: 1,
    });
    const [row] = await until(rows, (r) => r.length > 0);
    expect(row).toMatchObject({ value: 2.5, originalValue: 2500, originalUnit: "Wh", source: "mqtt" });
    expect(row!.ts.toISOString()).toBe("2026-01-12T09:00:00.000Z");
  });

  it("takes a batch, counts a redelivered reading as a duplicate, and survives malformed messages", async () => {
    await publisher.publishAsync(`dihya/readings/${code}`, "{not json", { qos: 1 });
    const batch = {
      readings: [
        { ts: "2026-01-12T10:00:00+01:00", value: 2.5, unit: "kWh" },
        { meter: code.toLowerCase(), ts: "2026-01-12T10:15:00+01:00", value: 3, unit: "kWh" },
        { ts: "2026-01-12T10:30:00+01:00", value: 3, unit: "kW" },
      ],
    };
    await publisher.publishAsync(`dihya/readings/${code}`, JSON.stringify(batch), { qos: 1 });
    const batches = await until(
      () => db.select().from(ingestBatches).where(eq(ingestBatches.source, "mqtt")).orderBy(asc(ingestBatches.createdAt)),
      (b) => b.length >= 2,
    );
    expect((await rows()).map((r) => r.value)).toEqual([2.5, 3]);
    expect(batches.at(-1)).toMatchObject({ actor: "mqtt", received: 3, accepted: 1, duplicates: 1, rejected: 1 });
  });
});
