import type { MeterDto } from "@/server/energy/meters/meter-dto";
import type { MeterFormValues } from "./meter-form-schema";

/** The form's text values for a new meter on a site, or for an existing one. */
export function meterFormValues(m: MeterDto | undefined, siteId: string): MeterFormValues {
  const text = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v));
  return {
    siteId: m?.siteId ?? siteId,
    equipmentId: text(m?.equipmentId),
    code: text(m?.code),
    name: text(m?.name),
    kind: m?.kind ?? "consumption",
    quantity: m?.quantity ?? "energy",
    carrier: m?.carrier ?? "electricity",
    intervalMinutes: text(m?.intervalMinutes ?? 15),
    register: m?.register ?? "interval",
    rolloverAt: text(m?.rolloverAt),
    jitterTolerance: text(m?.jitterTolerance ?? 0),
  };
}
