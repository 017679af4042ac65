import "server-only";
import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { networks, sites } from "@/db/schema";
import type { SiteFilters } from "@/lib/validation/sites";
import { assertCan, type Actor } from "@/server/auth/actor";
import type { KeysetSource } from "@/server/platform/exports/row-source";
import { after, orderBy, siteConditions, sortColumns } from "./sites-query";

/** One exported site: machine-readable values (codes, numbers, UTC times). */
export type SiteExportRow = {
  code: string;
  name: string;
  type: string;
  status: string;
  network: string | null;
  parent: string | null;
  region: string | null;
  country: string;
  latitude: number | null;
  longitude: number | null;
  capacityMw: number | null;
  timezone: string;
  address: string | null;
  statusChangedAt: Date;
  createdAt: Date;
  id: string;
  /** Keyset position (not exported). */
  sortKey: string;
  nameKey: string;
};

const parent = alias(sites, "parent");
const num = (v: string | null) => (v === null ? null : Number(v));

/**
 * The sites matching `filters`, in the list's order (the same `sort`/`order`), one keyset
 * batch at a time: exactly the rows the list pages through. Needs `sites.export`.
 */
export function siteExportSource(actor: Actor, filters: SiteFilters): KeysetSource<SiteExportRow> {
  assertCan(actor, "sites.export");
  const conditions = siteConditions(filters);
  return {
    batch: async (db, last, limit) => {
      const rows = await db
        .select({
          site: sites,
          network: networks.code,
          parent: parent.code,
          ...sortColumns(filters.sort),
        })
        .from(sites)
        .leftJoin(networks, eq(networks.id, sites.networkId))
        .leftJoin(parent, eq(parent.id, sites.parentId))
        .where(and(...conditions, after(filters.sort, filters.order, last)))
        .orderBy(...orderBy(filters.sort, filters.order))
        .limit(limit);
      return rows.map(({ site, network, parent: parentCode, sortKey, nameKey }) => ({
        code: site.code,
        name: site.name,
        type: site.type,
        status: site.status,
        network,
        parent: parentCode,
        region: site.region,
        country: site.country,
        latitude: num(site.latitude),
        longitude: num(site.longitude),
        capacityMw: num(site.capacityMw),
        timezone: site.timezone,
        address: site.address,
        statusChangedAt: site.statusChangedAt,
        createdAt: site.createdAt,
        id: site.id,
        sortKey,
        nameKey,
      }));
    },
  };
}
