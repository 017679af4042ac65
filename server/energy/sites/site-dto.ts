import "server-only";
import type { networks, sites } from "@/db/schema";
import type { NetworkKind, SiteCountry, SiteStatus, SiteType } from "@/lib/validation/sites";

type SiteRow = typeof sites.$inferSelect;
type NetworkRow = typeof networks.$inferSelect;

/** A site as the API and the pages see it: coordinates in degrees, capacity in MW (numbers). */
export type SiteDto = {
  id: string;
  code: string;
  name: string;
  type: SiteType;
  status: SiteStatus;
  networkId: string | null;
  parentId: string | null;
  address: string | null;
  region: string | null;
  country: SiteCountry;
  latitude: number | null;
  longitude: number | null;
  capacityMw: number | null;
  timezone: string;
  statusChangedAt: string;
  createdAt: string;
  updatedAt: string;
};

export type NetworkDto = {
  id: string;
  code: string;
  name: string;
  kind: NetworkKind;
  region: string | null;
  description: string | null;
  createdAt: string;
};

const num = (value: string | null): number | null => (value === null ? null : Number(value));

export function toSiteDto(row: SiteRow): SiteDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    type: row.type as SiteType,
    status: row.status as SiteStatus,
    networkId: row.networkId,
    parentId: row.parentId,
    address: row.address,
    region: row.region,
    country: row.country as SiteCountry,
    latitude: num(row.latitude),
    longitude: num(row.longitude),
    capacityMw: num(row.capacityMw),
    timezone: row.timezone,
    statusChangedAt: row.statusChangedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toNetworkDto(row: NetworkRow): NetworkDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as NetworkKind,
    region: row.region,
    description: row.description,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The audited snapshot of a site: the fields a person edits. */
export function siteSnapshot(row: SiteRow): Record<string, unknown> {
  return {
    code: row.code,
    name: row.name,
    type: row.type,
    networkId: row.networkId,
    parentId: row.parentId,
    address: row.address,
    region: row.region,
    country: row.country,
    latitude: num(row.latitude),
    longitude: num(row.longitude),
    capacityMw: num(row.capacityMw),
    timezone: row.timezone,
    status: row.status,
  };
}

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
