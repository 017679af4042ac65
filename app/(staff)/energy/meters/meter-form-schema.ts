import { z } from "zod";
import { createMeterSchema, type CreateMeterInput } from "@/lib/validation/meters";

/** The create/edit form of a meter: every field as typed text, turned into the API shape, then checked by it. */
export type MeterFormValues = {
  siteId: string;
  equipmentId: string;
  code: string;
  name: string;
  kind: string;
  quantity: string;
  carrier: string;
  intervalMinutes: string;
  register: string;
  rolloverAt: string;
  jitterTolerance: string;
};

/** Empty → null; a comma is accepted as the decimal separator; anything else not a number stays NaN (rejected). */
const num = (v: string) => (v.trim() === "" ? null : Number(v.trim().replace(",", ".")));

export function formToMeter(v: MeterFormValues): CreateMeterInput {
  const cumulative = v.register === "cumulative";
  return {
    siteId: v.siteId,
    equipmentId: v.equipmentId === "" ? null : v.equipmentId,
    code: v.code,
    name: v.name,
    kind: v.kind as CreateMeterInput["kind"],
    quantity: v.quantity as CreateMeterInput["quantity"],
    carrier: v.carrier as CreateMeterInput["carrier"],
    intervalMinutes: num(v.intervalMinutes) ?? Number.NaN,
    register: v.register as CreateMeterInput["register"],
    rolloverAt: cumulative ? num(v.rolloverAt) : null,
    jitterTolerance: cumulative ? (num(v.jitterTolerance) ?? 0) : 0,
  };
}

const keys = [
  "siteId",
  "equipmentId",
  "code",
  "name",
  "kind",
  "quantity",
  "carrier",
  "intervalMinutes",
  "register",
  "rolloverAt",
  "jitterTolerance",
] as const satisfies readonly (keyof MeterFormValues)[];
const shape = z.object(Object.fromEntries(keys.map((k) => [k, z.string()])) as Record<keyof MeterFormValues, z.ZodString>);

/** Client-side check with the API rules (error paths are the form's field names). */
export const meterFormSchema = shape.transform(formToMeter).pipe(createMeterSchema);
