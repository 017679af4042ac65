import { z } from "zod";
import { createEquipmentSchema, type CreateEquipmentInput } from "./equipment";

/** The create/edit form: every field as typed text, turned into the API shape, then checked by it. */
export type EquipmentFormValues = {
  siteId: string;
  name: string;
  type: string;
  serialNumber: string;
  manufacturer: string;
  model: string;
  commissionedOn: string;
  criticality: string;
  planKind: string;
  planInterval: string;
  operatingHours: string;
  hoursAtLastService: string;
  lastServiceOn: string;
};

const num = (v: string) => (v.trim() === "" ? null : Number(v.trim().replace(",", ".")));
const orNull = (v: string) => (v.trim() === "" ? null : v.trim());

export function formToEquipment(v: EquipmentFormValues) {
  const plan = v.planKind === "days" || v.planKind === "hours" ? v.planKind : null;
  return {
    siteId: v.siteId,
    name: v.name,
    type: v.type,
    serialNumber: orNull(v.serialNumber),
    manufacturer: orNull(v.manufacturer),
    model: orNull(v.model),
    commissionedOn: orNull(v.commissionedOn),
    criticality: v.criticality,
    planKind: plan,
    planInterval: plan ? num(v.planInterval) : null,
    operatingHours: num(v.operatingHours) ?? 0,
    hoursAtLastService: num(v.hoursAtLastService),
    lastServiceOn: orNull(v.lastServiceOn),
  };
}

const formKeys = [
  "siteId",
  "name",
  "type",
  "serialNumber",
  "manufacturer",
  "model",
  "commissionedOn",
  "criticality",
  "planKind",
  "planInterval",
  "operatingHours",
  "hoursAtLastService",
  "lastServiceOn",
] as const satisfies readonly (keyof EquipmentFormValues)[];
const formShape = z.object(Object.fromEntries(formKeys.map((k) => [k, z.string()])) as Record<keyof EquipmentFormValues, z.ZodString>);

/** Client-side check of the form with the API rules (error paths are the form's field names). */
export const equipmentFormSchema = formShape.transform((v) => formToEquipment(v) as CreateEquipmentInput).pipe(createEquipmentSchema);
