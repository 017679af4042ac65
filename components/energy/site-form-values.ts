import { countryTimeZones, type CreateSiteInput } from "@/lib/validation/sites";

export type SiteFormValues = CreateSiteInput;

/** Text → number for the numeric fields: empty is null, a decimal comma is accepted, junk stays NaN (numberInvalid). */
export const toNumber = (v: unknown) => {
  if (v === null || v === undefined) return null;
  const text = String(v).trim().replace(",", ".");
  return text === "" ? null : Number(text);
};
export const toId = (v: unknown) => (v === "" || v === null || v === undefined ? null : String(v));

/** A blank site form: a solar park in service in Algeria. */
export const emptySite: SiteFormValues = {
  code: "",
  name: "",
  type: "solar_park",
  networkId: null,
  parentId: null,
  country: "DZ",
  region: "",
  address: "",
  latitude: null,
  longitude: null,
  capacityMw: null,
  timezone: countryTimeZones.DZ,
  status: "in_service",
};
