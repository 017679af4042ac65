import { z } from "zod";

/**
 * Sites and networks: one zod schema per input, shared by the forms, the server actions
 * and the API routes. Error messages are keys of the `validation` namespace.
 */
export const siteTypes = [
  "thermal_plant",
  "solar_park",
  "wind_park",
  "hydro_plant",
  "substation",
  "smart_grid_node",
  "storage",
  "other",
] as const;
export type SiteType = (typeof siteTypes)[number];

/** `decommissioned` is final: a decommissioned site is read-only. */
export const siteStatuses = ["in_service", "maintenance", "out_of_service", "decommissioned"] as const;
export type SiteStatus = (typeof siteStatuses)[number];
/** The statuses a new site may start in. */
export const initialSiteStatuses = ["in_service", "maintenance", "out_of_service"] as const;

export const networkKinds = ["transmission", "distribution", "microgrid", "smart_grid", "fleet"] as const;
export type NetworkKind = (typeof networkKinds)[number];

/** Countries the operator runs sites in (ISO 3166-1 alpha-2). */
export const siteCountries = ["DZ", "MA", "FR"] as const;
export type SiteCountry = (typeof siteCountries)[number];
export const countryTimeZones: Record<SiteCountry, string> = { DZ: "Africa/Algiers", MA: "Africa/Casablanca", FR: "Europe/Paris" };
/** Zones offered by the form; the API accepts any IANA zone. */
export const commonTimeZones = ["Africa/Algiers", "Africa/Casablanca", "Africa/Tunis", "Europe/Paris", "UTC"] as const;

export const siteSorts = ["name", "code", "capacity", "status"] as const;
export type SiteSort = (typeof siteSorts)[number];
export const sortOrders = ["asc", "desc"] as const;

/** Upper-case letters and digits in dash-separated groups, e.g. `DZ-ADR-PV01`. Input is upper-cased. */
export const codePattern = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
const code = z.string("codeInvalid").trim().toUpperCase().min(3, "codeInvalid").max(32, "codeInvalid").regex(codePattern, "codeInvalid");

const name = z.string("required").trim().min(2, "nameTooShort").max(120, "nameTooLong");
const text = (max: number, message: string) => z.string().trim().max(max, message).nullable().optional();

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
const timezone = z
  .string("timezoneInvalid")
  .trim()
  .min(1, "timezoneInvalid")
  .max(64, "timezoneInvalid")
  .refine(isTimeZone, "timezoneInvalid");

/** Degrees WGS84 and MW: JSON numbers (forms convert their text first), null clears. */
const latitude = z.number("numberInvalid").min(-90, "latitudeRange").max(90, "latitudeRange").nullable().optional();
const longitude = z.number("numberInvalid").min(-180, "longitudeRange").max(180, "longitudeRange").nullable().optional();
const capacityMw = z.number("numberInvalid").min(0, "capacityRange").max(100_000, "capacityRange").nullable().optional();
const uuidOrNull = (message: string) => z.uuid(message).nullable().optional();

export const statusReason = z.string("statusReasonRequired").trim().min(3, "statusReasonRequired").max(500, "reasonTooLong");

const coordinatesTogether = (v: { latitude?: number | null; longitude?: number | null }) =>
  v.latitude === undefined || v.longitude === undefined || (v.latitude === null) === (v.longitude === null);
const coordinatesIssue = { message: "coordinatesPair", path: ["longitude"] };

const siteFields = {
  code,
  name,
  type: z.enum(siteTypes, "siteTypeInvalid"),
  networkId: uuidOrNull("networkUnknown"),
  parentId: uuidOrNull("parentUnknown"),
  address: text(300, "addressTooLong"),
  region: text(120, "regionTooLong"),
  country: z.enum(siteCountries, "countryInvalid"),
  latitude,
  longitude,
  capacityMw,
  timezone,
};

/** A new site. Without `timezone`, the country's zone; both coordinates or neither. */
export const createSiteSchema = z
  .strictObject({
    ...siteFields,
    country: siteFields.country.default("DZ"),
    timezone: timezone.optional(),
    status: z.enum(initialSiteStatuses, "siteStatusInvalid").default("in_service"),
  })
  .refine((v) => (v.latitude ?? null) === null || (v.longitude ?? null) !== null, coordinatesIssue)
  .refine((v) => (v.longitude ?? null) === null || (v.latitude ?? null) !== null, { ...coordinatesIssue, path: ["latitude"] });
export type CreateSiteInput = z.input<typeof createSiteSchema>;
export type CreateSite = z.output<typeof createSiteSchema>;

/**
 * A partial edit (PATCH). `status` changes the status and then needs `statusReason`;
 * it is recorded in the status history.
 */
export const updateSiteSchema = z
  .strictObject({
    code: code.optional(),
    name: name.optional(),
    type: siteFields.type.optional(),
    networkId: siteFields.networkId,
    parentId: siteFields.parentId,
    address: siteFields.address,
    region: siteFields.region,
    country: siteFields.country.optional(),
    latitude,
    longitude,
    capacityMw,
    timezone: timezone.optional(),
    status: z.enum(siteStatuses, "siteStatusInvalid").optional(),
    statusReason: statusReason.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "nothingToChange")
  .refine(coordinatesTogether, coordinatesIssue)
  .refine((v) => v.status === undefined || v.statusReason !== undefined, { message: "statusReasonRequired", path: ["statusReason"] })
  .refine((v) => v.statusReason === undefined || v.status !== undefined, { message: "siteStatusInvalid", path: ["status"] });
export type UpdateSiteInput = z.input<typeof updateSiteSchema>;
export type UpdateSite = z.output<typeof updateSiteSchema>;

/** The edit form: every editable field, as shown (status is changed separately). */
export const editSiteSchema = z
  .strictObject({ ...siteFields })
  .refine((v) => (v.latitude ?? null) === null || (v.longitude ?? null) !== null, coordinatesIssue)
  .refine((v) => (v.longitude ?? null) === null || (v.latitude ?? null) !== null, { ...coordinatesIssue, path: ["latitude"] });
export type EditSiteInput = z.input<typeof editSiteSchema>;

export const changeSiteStatusSchema = z.strictObject({
  status: z.enum(siteStatuses, "siteStatusInvalid"),
  reason: statusReason,
});
export type ChangeSiteStatusInput = z.input<typeof changeSiteStatusSchema>;

/** An empty parameter (a submitted empty form field) means "no filter". */
const blank = z.literal("").transform(() => undefined);
const filterShape = {
  q: z.string().trim().max(120, "invalid").optional(),
  type: z.enum(siteTypes, "invalid").or(blank).optional(),
  status: z.enum(siteStatuses, "invalid").or(blank).optional(),
  region: z.string().trim().max(120, "invalid").optional(),
  network: z.uuid("invalid").or(blank).optional(),
  sort: z.enum(siteSorts, "invalid").default("name"),
  order: z.enum(sortOrders, "invalid").default("asc"),
};

/**
 * Site list filters (page, GET /api/sites, export): `q` searches name and code, `region`
 * matches exactly (case-insensitive), `network` is a network id; `sort` + `order`.
 */
export const siteFilters = z.strictObject(filterShape);
export type SiteFilters = z.output<typeof siteFilters>;
export const siteFilterKeys = Object.keys(filterShape) as (keyof SiteFilters)[];

export const listSitesQuery = z.strictObject({
  ...filterShape,
  cursor: z.string().max(600, "invalid").optional(),
  limit: z.coerce.number("invalid").int("invalid").min(1, "invalid").max(500, "invalid").default(50),
});
export type ListSitesQuery = z.output<typeof listSitesQuery>;

export const exportSitesQuery = z.strictObject({ ...filterShape, format: z.enum(["csv", "pdf"], "invalid") });

/** Map filters: which markers to draw. */
export const mapFilters = z.strictObject({
  type: filterShape.type,
  status: filterShape.status,
});

const networkFields = {
  code,
  name,
  kind: z.enum(networkKinds, "networkKindInvalid"),
  region: text(120, "regionTooLong"),
  description: text(500, "descriptionTooLong"),
};
export const createNetworkSchema = z.strictObject(networkFields);
export type CreateNetworkInput = z.input<typeof createNetworkSchema>;
export const updateNetworkSchema = z
  .strictObject({
    code: code.optional(),
    name: name.optional(),
    kind: networkFields.kind.optional(),
    region: networkFields.region,
    description: networkFields.description,
  })
  .refine((v) => Object.keys(v).length > 0, "nothingToChange");
export type UpdateNetworkInput = z.input<typeof updateNetworkSchema>;

export const siteIdSchema = z.uuid();
