import "server-only";
import { sql, type SQL } from "drizzle-orm";

/** Site types whose production counts as renewable. */
export const renewableSiteTypes = ["solar_park", "wind_park", "hydro_plant"] as const;

/**
 * Which sites a dashboard covers: every site, one network's, or one site. Every holder of
 * `measurements.read` reads every site (as `sites.read` does for the sites list).
 */
export type DashboardScope = { kind: "all" } | { kind: "network"; id: string } | { kind: "site"; id: string };

/** The scope as a condition on the sites alias `s`. */
export function scopeSql(scope: DashboardScope): SQL {
  switch (scope.kind) {
    case "all":
      return sql`true`;
    case "network":
      return sql`s.network_id = ${scope.id}::uuid`;
    case "site":
      return sql`s.id = ${scope.id}::uuid`;
  }
}

/**
 * Meters the dashboard adds up, on alias `m`: electricity meters of energy (kWh per
 * interval) or power (average kW over the interval). Volume meters (gas, water in m³) have
 * no kWh and are left out.
 */
export const electricMeter = sql`m.carrier = 'electricity' and m.quantity in ('energy', 'power')`;

/** kWh of a rollup row `d` (alias) of meter `m`: energy as is, power × hours of its intervals. */
export const kwhOf = (d: string) => sql.raw(`(case when m.quantity = 'power' then ${d}.sum * m.interval_minutes / 60.0 else ${d}.sum end)`);

/** kW of one interval value of meter `m`: power as is, energy ÷ interval hours. */
export const kwFactor = sql.raw(`(case when m.quantity = 'power' then 1.0 else 60.0 / m.interval_minutes end)`);

/** The start of local day `day` (a `YYYY-MM-DD` parameter) in the zone column `zone`, as timestamptz. */
export const dayStart = (day: string, zone: string) => sql`((${day}::date)::timestamp at time zone ${sql.raw(zone)})`;
