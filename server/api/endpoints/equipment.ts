import "server-only";
import { z } from "zod";
import {
  createEquipmentSchema,
  criticalities,
  equipmentStates,
  equipmentTypes,
  exportEquipmentQuery,
  listEquipmentQuery,
  planKinds,
  updateEquipmentSchema,
} from "@/lib/validation/equipment";
import { endpoint } from "../endpoint";
import { page } from "../schemas";

const day = z.iso.date().describe("Calendar day, YYYY-MM-DD.");

const equipmentDto = z.object({
  id: z.uuid(),
  siteId: z.uuid(),
  site: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  name: z.string(),
  type: z.enum(equipmentTypes),
  serialNumber: z.string().nullable().describe("Unique on its site."),
  manufacturer: z.string().nullable(),
  model: z.string().nullable(),
  commissionedOn: day.nullable(),
  state: z.enum(equipmentStates),
  criticality: z.enum(criticalities),
  planKind: z.enum(planKinds).nullable().describe("Preventive plan: every planInterval days, or every planInterval operating hours."),
  planInterval: z.number().int().nullable(),
  operatingHours: z.number().describe("Operating-hours counter."),
  hoursAtLastService: z.number().nullable(),
  lastServiceOn: day.nullable(),
  nextDueOn: day.nullable().describe("Next preventive due date; for an hours plan, set once the counter reaches the interval."),
  overdue: z.boolean().describe("nextDueOn is past (Africa/Algiers)."),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const listEquipment = endpoint({
  id: "listEquipment",
  method: "GET",
  path: "/api/equipements",
  tag: "equipment",
  permission: "equipment.read",
  template: "energy",
  query: listEquipmentQuery,
  response: page(equipmentDto),
});

export const createEquipment = endpoint({
  id: "createEquipment",
  method: "POST",
  path: "/api/equipements",
  tag: "equipment",
  permission: "equipment.write",
  template: "energy",
  body: createEquipmentSchema,
  response: equipmentDto,
  status: 201,
});

export const getEquipment = endpoint({
  id: "getEquipment",
  method: "GET",
  path: "/api/equipements/{id}",
  tag: "equipment",
  permission: "equipment.read",
  template: "energy",
  response: equipmentDto,
});

export const updateEquipment = endpoint({
  id: "updateEquipment",
  method: "PATCH",
  path: "/api/equipements/{id}",
  tag: "equipment",
  permission: "equipment.write",
  template: "energy",
  body: updateEquipmentSchema,
  response: equipmentDto,
});

export const deleteEquipment = endpoint({
  id: "deleteEquipment",
  method: "DELETE",
  path: "/api/equipements/{id}",
  tag: "equipment",
  permission: "equipment.write",
  template: "energy",
  status: 204,
});

export const exportEquipment = endpoint({
  id: "exportEquipment",
  method: "GET",
  path: "/api/export/equipements",
  tag: "equipment",
  permission: "equipment.write",
  template: "energy",
  query: exportEquipmentQuery,
  produces: "text/csv",
});
