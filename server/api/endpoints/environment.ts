import "server-only";
import { z } from "zod";
import { environmentExportQuery, environmentQuery } from "@/lib/validation/environment";
import { endpoint } from "../endpoint";

const factorRef = z
  .object({
    id: z.uuid().describe("Id of the exact factor version used."),
    key: z.string().describe("Identity across versions: `<carrier>:<zone>:<unit>:<year>:<source>`, e.g. electricity:DZ:kWh:2023:ember."),
    version: z.number().int(),
    year: z.number().int(),
    value: z.number().describe("kg CO₂e per `unit`."),
    unit: z.string(),
    perimeter: z.enum(["lifecycle", "combustion"]),
    source: z.string(),
  })
  .describe("The emission factor a number was computed with.");

const criterion = z.enum(["met", "missed", "unknown"]).nullable().describe("null: the target sets no value for this criterion.");

const row = z.object({
  site: z.object({ id: z.uuid(), code: z.string(), name: z.string(), country: z.string(), type: z.string() }),
  month: z.string().describe("Site-local calendar month, YYYY-MM."),
  consumptionKwh: z.number().describe("Electricity plus natural gas metered in kWh (consumption meters)."),
  electricityKwh: z.number(),
  gasKwh: z.number(),
  gasM3: z.number(),
  dieselM3: z.number(),
  co2Kg: z
    .number()
    .nullable()
    .describe("Location-based CO₂e of the consumption (kg): each carrier × its factor; null when a consumed carrier has no factor."),
  productionKwh: z.number(),
  renewableProductionKwh: z.number().describe("Production of solar, wind and hydro sites."),
  avoidedCo2Kg: z.number().nullable().describe("Renewable production × the grid factor (kg); reported apart, never netted from co2Kg."),
  renewableShare: z.number().nullable().describe("Renewable ÷ total production of the site, 0..1; null without production."),
  factor: factorRef.nullable().describe("Grid factor of the site's country for this month's year."),
  fuelFactors: z.array(factorRef),
  target: z
    .object({ id: z.uuid(), year: z.number().int(), maxCo2Kg: z.number().nullable(), minRenewableShare: z.number().nullable() })
    .nullable(),
  compliance: z.object({
    year: z.number().int(),
    through: z.string().describe("Year to date: January through this month."),
    co2Kg: z.number().nullable(),
    renewableShare: z.number().nullable(),
    co2Status: criterion,
    shareStatus: criterion,
    status: z.enum(["met", "missed", "unknown", "no_target"]),
  }),
});

const total = z.object({
  consumptionKwh: z.number(),
  co2Kg: z.number(),
  co2Complete: z.boolean().describe("False when a site's CO₂ or avoided CO₂ was unknown (no factor) and left out."),
  productionKwh: z.number(),
  renewableProductionKwh: z.number(),
  avoidedCo2Kg: z.number(),
  renewableShare: z.number().nullable().describe("Σ renewable ÷ Σ production of every site of the filters."),
});

export const listEnvironment = endpoint({
  id: "listEnvironment",
  method: "GET",
  path: "/api/environnement",
  tag: "environment",
  permission: "environment.read",
  template: "energy",
  query: environmentQuery,
  response: z.object({
    data: z.array(row).describe("One row per site and month with data; a page holds `limit` sites, all their months."),
    totals: z.array(total.extend({ month: z.string() })).describe("Every month of the period, over every site of the filters."),
    summary: total.describe("The whole period over every site of the filters."),
    from: z.string(),
    to: z.string(),
    next_cursor: z.string().nullable().describe("Pass as ?cursor= for the next sites; null on the last page."),
  }),
});

export const exportEnvironment = endpoint({
  id: "exportEnvironment",
  method: "GET",
  path: "/api/export/environnement",
  tag: "environment",
  permission: "environment.read",
  template: "energy",
  query: environmentExportQuery,
  produces: "text/csv",
});
