import "server-only";
import { z } from "zod";
import {
  createMeterSchema,
  listMetersQuery,
  meterCarriers,
  meterKinds,
  meterQuantities,
  meterRegisters,
  updateMeterSchema,
} from "@/lib/validation/meters";
import { endpoint } from "../endpoint";
import { page } from "../schemas";

const meterDto = z.object({
  id: z.uuid(),
  siteId: z.uuid(),
  site: z.object({ id: z.uuid(), code: z.string(), name: z.string(), timezone: z.string() }),
  equipmentId: z.uuid().nullable(),
  equipment: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  code: z.string().describe("Unique (any case), upper-case; also the last level of the MQTT topic dihya/readings/<code>."),
  name: z.string(),
  kind: z.enum(meterKinds),
  quantity: z.enum(meterQuantities),
  unit: z.enum(["kWh", "kW", "m3"]).describe("Canonical unit of every stored value, fixed by the quantity."),
  carrier: z.enum(meterCarriers),
  intervalMinutes: z.number().int().describe("Readings are aligned to UTC starts of this interval."),
  register: z.enum(meterRegisters).describe("interval: each reading is its interval's value; cumulative: a counter index."),
  rolloverAt: z.number().nullable().describe("Counter wrap value of a cumulative meter, when known."),
  jitterTolerance: z.number().describe("Backward step of a cumulative index still read as noise (canonical unit)."),
  active: z.boolean().describe("A deactivated meter keeps its readings and refuses new ones."),
  lastIndex: z.number().nullable(),
  lastIndexAt: z.iso.datetime().nullable(),
  lastReadingAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const listMeters = endpoint({
  id: "listMeters",
  method: "GET",
  path: "/api/compteurs",
  tag: "meters",
  permission: "measurements.read",
  template: "energy",
  query: listMetersQuery,
  response: page(meterDto),
});

export const createMeter = endpoint({
  id: "createMeter",
  method: "POST",
  path: "/api/compteurs",
  tag: "meters",
  permission: "meters.write",
  template: "energy",
  body: createMeterSchema,
  response: meterDto,
  status: 201,
});

export const getMeter = endpoint({
  id: "getMeter",
  method: "GET",
  path: "/api/compteurs/{id}",
  tag: "meters",
  permission: "measurements.read",
  template: "energy",
  response: meterDto,
});

export const updateMeter = endpoint({
  id: "updateMeter",
  method: "PATCH",
  path: "/api/compteurs/{id}",
  tag: "meters",
  permission: "meters.write",
  template: "energy",
  body: updateMeterSchema,
  response: meterDto,
});

export const deactivateMeter = endpoint({
  id: "deactivateMeter",
  method: "DELETE",
  path: "/api/compteurs/{id}",
  tag: "meters",
  permission: "meters.write",
  template: "energy",
  status: 204,
});
