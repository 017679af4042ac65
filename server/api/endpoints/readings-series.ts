import "server-only";
import { z } from "zod";
import { readingsSeriesQuery, readingsStreamQuery } from "@/lib/validation/readings-series";
import { granularities, readingQualities } from "@/server/energy/readings/types";
import { endpoint } from "../endpoint";

const meterRef = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(["consumption", "production"]),
  quantity: z.enum(["energy", "power", "volume"]),
  unit: z.enum(["kWh", "kW", "m3"]),
});

const point = z.object({
  ts: z.string().describe("Bucket start in the site's local time with its offset, e.g. 2026-10-25T02:00:00+01:00."),
  value: z.number().describe("Energy and volume: the sum over the bucket; power: the average (a site: the sum of its meters' averages)."),
  max: z.number().nullable().describe("Largest reading in the bucket for one meter (raw: the value); null when meters are combined."),
  count: z.number().int().describe("Readings in the bucket."),
  quality: z.enum(readingQualities).describe("estimated if any reading is, else corrected if any is, else measured."),
  estimated: z.number().int(),
  corrected: z.number().int(),
});

const seriesAnswer = z.object({
  target: z.enum(["site", "meter"]),
  site: z.object({ id: z.uuid(), code: z.string(), name: z.string(), timezone: z.string() }),
  timezone: z.string().describe("IANA zone every bucket is computed in (the site's)."),
  kind: z.enum(["consumption", "production"]).nullable(),
  quantity: z.enum(["energy", "power", "volume"]).nullable(),
  unit: z.enum(["kWh", "kW", "m3"]).nullable(),
  aggregation: z.enum(["sum", "average"]),
  granularity: z.enum(granularities),
  from: z.string().describe("Start of the first bucket (local time with offset)."),
  to: z.string().describe("End of the last bucket, exclusive."),
  meters: z.array(meterRef).describe("Meters combined."),
  excluded: z.array(meterRef).describe("Meters of the site and kind left out because their unit differs."),
  points: z.array(point).describe("Oldest first; buckets without readings are absent. At most 20,000 (more → 422)."),
});

export const readingsSeriesOp = endpoint({
  id: "readingsSeries",
  method: "GET",
  path: "/api/consommation",
  tag: "measurements",
  permission: "measurements.read",
  template: "energy",
  query: readingsSeriesQuery,
  response: seriesAnswer,
});

export const readingsStreamOp = endpoint({
  id: "readingsStream",
  method: "GET",
  path: "/api/consommation/stream",
  tag: "measurements",
  permission: "measurements.read",
  template: "energy",
  query: readingsStreamQuery,
  produces: "text/event-stream",
  response: z
    .string()
    .describe(
      "Server-Sent Events: `ready` ({ meters }) once listening, then `readings` ({ points: [{ meter, ts, value, unit, quality }] }) " +
        "for each ingest touching the site or meter; a comment every 25 s.",
    ),
});
