import "server-only";
import { z } from "zod";
import {
  createSiteSchema,
  exportSitesQuery,
  listSitesQuery,
  networkKinds,
  siteCountries,
  siteStatuses,
  siteTypes,
  updateSiteSchema,
} from "@/lib/validation/sites";
import { endpoint } from "../endpoint";
import { page } from "../schemas";

const ref = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

export const siteDto = z.object({
  id: z.uuid(),
  code: z.string().describe("Unique, upper-case letters, digits and dashes, e.g. DZ-ADR-PV01."),
  name: z.string(),
  type: z.enum(siteTypes),
  status: z.enum(siteStatuses).describe("decommissioned is final: the site is read-only afterwards."),
  networkId: z.uuid().nullable(),
  parentId: z.uuid().nullable(),
  address: z.string().nullable(),
  region: z.string().nullable().describe("Wilaya (DZ) or région (MA)."),
  country: z.enum(siteCountries),
  latitude: z.number().nullable().describe("WGS84 degrees."),
  longitude: z.number().nullable().describe("WGS84 degrees."),
  capacityMw: z.number().nullable().describe("Installed capacity, MW."),
  timezone: z.string().describe("IANA time zone of the site."),
  statusChangedAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

const siteListItem = siteDto.extend({ network: ref.nullable() });

const siteDetail = siteDto.extend({
  network: ref.nullable(),
  parent: ref.nullable(),
  counts: z.object({
    equipment: z.number().int(),
    openInterventions: z.number().int().describe("Planned or in progress."),
    children: z.number().int(),
  }),
  statusHistory: z
    .array(
      z.object({
        status: z.enum(siteStatuses),
        reason: z.string().nullable(),
        changedBy: z.string().nullable(),
        changedAt: z.iso.datetime(),
      }),
    )
    .describe("Oldest first; the first entry is the status the site was created with."),
});

export const networkDto = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(networkKinds),
  region: z.string().nullable(),
  description: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

export const listSites = endpoint({
  id: "listSites",
  method: "GET",
  path: "/api/sites",
  tag: "sites",
  permission: "sites.read",
  template: "energy",
  query: listSitesQuery,
  response: page(siteListItem),
});

export const createSite = endpoint({
  id: "createSite",
  method: "POST",
  path: "/api/sites",
  tag: "sites",
  permission: "sites.write",
  template: "energy",
  body: createSiteSchema,
  response: siteDto,
  status: 201,
});

export const getSite = endpoint({
  id: "getSite",
  method: "GET",
  path: "/api/sites/{id}",
  tag: "sites",
  permission: "sites.read",
  template: "energy",
  response: siteDetail,
});

export const updateSite = endpoint({
  id: "updateSite",
  method: "PATCH",
  path: "/api/sites/{id}",
  tag: "sites",
  permission: "sites.write",
  template: "energy",
  body: updateSiteSchema,
  response: siteDto,
});

export const deleteSite = endpoint({
  id: "deleteSite",
  method: "DELETE",
  path: "/api/sites/{id}",
  tag: "sites",
  permission: "sites.write",
  template: "energy",
  status: 204,
});

export const exportSites = endpoint({
  id: "exportSites",
  method: "GET",
  path: "/api/export/sites",
  tag: "sites",
  permission: "sites.export",
  template: "energy",
  query: exportSitesQuery,
  produces: "text/csv",
});
