import "server-only";
import { exportMeasurementsQuery } from "@/server/energy/readings/measurements-export-query";
import { endpoint } from "../endpoint";

/** The measurements tab's series of a site or one of its meters, as CSV (what the tab shows). */
export const exportMeasurements = endpoint({
  id: "exportMeasurements",
  method: "GET",
  path: "/api/export/consommation",
  tag: "measurements",
  permission: "measurements.read",
  template: "energy",
  query: exportMeasurementsQuery,
  produces: "text/csv",
});
