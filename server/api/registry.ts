import "server-only";
import type { Endpoint } from "./endpoint";
import * as audit from "./endpoints/audit";
import * as clients from "./endpoints/clients";
import * as devopsAlerts from "./endpoints/devops-alerts";
import * as environment from "./endpoints/environment";
import * as equipment from "./endpoints/equipment";
import * as incidents from "./endpoints/incidents";
import * as invoices from "./endpoints/invoices";
import * as maintenance from "./endpoints/maintenance";
import * as measurementsExport from "./endpoints/measurements-export";
import * as meters from "./endpoints/meters";
import * as monitoring from "./endpoints/monitoring";
import * as notifications from "./endpoints/notifications";
import * as payments from "./endpoints/payments";
import * as platform from "./endpoints/platform";
import * as readingsIngest from "./endpoints/readings-ingest";
import * as readingsSeries from "./endpoints/readings-series";
import * as servers from "./endpoints/servers";
import * as sites from "./endpoints/sites";

/** Modules of endpoint definitions; add one line per area (other exports, e.g. schemas, are ignored). */
const modules: Record<string, unknown>[] = [
  platform,
  notifications,
  audit,
  sites,
  equipment,
  maintenance,
  meters,
  readingsIngest,
  readingsSeries,
  measurementsExport,
  environment,
  clients,
  invoices,
  payments,
  servers,
  monitoring,
  devopsAlerts,
  incidents,
];

function isEndpoint(value: unknown): value is Endpoint {
  return typeof value === "object" && value !== null && "method" in value && "path" in value && "id" in value && "tag" in value;
}

/**
 * Every implemented API operation. A route file exports handlers built from these
 * definitions; tests/integration/openapi.test.ts fails when a route file is not listed here.
 */
export const endpoints: readonly Endpoint[] = modules.flatMap((m) => Object.values(m).filter(isEndpoint));
