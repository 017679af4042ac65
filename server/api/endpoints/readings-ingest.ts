import "server-only";
import { z } from "zod";
import { endpoint } from "../endpoint";

/**
 * What one reading looks like. The fields are documented, not enforced here: each item is
 * checked on its own by the ingest, so a malformed one is answered by index (200) instead of
 * failing the request.
 */
const field = (meta: Record<string, unknown>) => z.unknown().meta(meta).optional();
const readingItem = z
  .looseObject({
    meter: field({ type: "string", description: "Meter code (any case). Optional on MQTT, where the topic names the meter." }),
    ts: field({
      type: "string",
      description: "ISO 8601 with an offset, e.g. 2026-03-29T02:15:00+02:00; aligned down to the meter's interval start (UTC).",
    }),
    value: field({ type: "number", description: "Interval value, average power, or counter index of a cumulative meter." }),
    unit: field({
      type: "string",
      description: "Wh, kWh, MWh, GWh (energy); W, kW, MW (power); m3, m³, L (volume). Converted to kWh, kW or m³.",
    }),
    quality: field({ type: "string", enum: ["measured", "estimated"], description: "Default measured." }),
    event: field({
      type: "string",
      enum: ["replacement"],
      description: "The meter was replaced: its index starts again (no consumption for this reading).",
    }),
  })
  .meta({ required: ["meter", "ts", "value", "unit"] })
  .refine((v) => !("readings" in v), { message: "readings must be an array", path: ["readings"] });

/** Parsed leniently: malformed items are answered by index instead of failing the whole batch. */
const ingestBody = z.union([
  z.strictObject({
    readings: z
      .array(z.unknown().describe("A reading, as the single-reading form."))
      .describe("Up to 10,000 readings; more → 413. Each is validated on its own."),
  }),
  readingItem,
]);

const ingestAnswer = z.object({
  batchId: z.uuid().describe("The ingest batch (data-quality view)."),
  accepted: z.number().int().describe("New readings stored."),
  duplicates: z.number().int().describe("Same meter, time and value as a stored reading: nothing written."),
  corrected: z.number().int().describe("Same meter and time, another value: the new value is current, the old one kept in history."),
  rejected: z
    .array(z.object({ index: z.number().int(), code: z.string(), detail: z.string() }))
    .describe(
      "Refused items by index: unknown_meter, inactive_meter, missing_meter, invalid_item, invalid_timestamp, future_timestamp " +
        "(over 5 minutes ahead), invalid_value, negative_value, unknown_unit, unit_mismatch, invalid_quality, invalid_event, " +
        "conflicting_duplicate.",
    ),
});

/** 10,000 readings of ~120 bytes, with room for pretty-printed JSON. */
export const ingestMaxBytes = 6 * 1024 * 1024;

export const ingestReadingsOp = endpoint({
  id: "ingestReadings",
  method: "POST",
  path: "/api/consommation",
  tag: "measurements",
  permission: "measurements.write",
  template: "energy",
  body: ingestBody,
  response: ingestAnswer,
  maxBytes: ingestMaxBytes,
});
