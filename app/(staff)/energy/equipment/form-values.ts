import type { EquipmentFormValues } from "@/lib/validation/equipment-form";
import type { EquipmentDto } from "@/server/energy/equipment/dto";

/** The form's text values for new equipment (optionally on a given site) or for an existing one. */
export function formValues(e?: EquipmentDto, siteId = ""): EquipmentFormValues {
  const text = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v));
  return {
    siteId: e?.siteId ?? siteId,
    name: text(e?.name),
    type: e?.type ?? "inverter",
    serialNumber: text(e?.serialNumber),
    manufacturer: text(e?.manufacturer),
    model: text(e?.model),
    commissionedOn: text(e?.commissionedOn),
    criticality: e?.criticality ?? "medium",
    planKind: text(e?.planKind),
    planInterval: text(e?.planInterval),
    operatingHours: text(e?.operatingHours ?? 0),
    hoursAtLastService: text(e?.hoursAtLastService),
    lastServiceOn: text(e?.lastServiceOn),
  };
}
