import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, updatedAt, at } from "./columns";
import { equipment, sites } from "./energy";
import { users } from "./platform";

/**
 * A measurement point of a site. `register` says how values arrive: `interval` (each reading
 * is the quantity of its interval, or the average power over it) or `cumulative` (a counter
 * index; ingest turns it into interval values). `rollover_at` is the counter's wrap value
 * (e.g. 999999.9) when known; `jitter_tolerance` is the backward step (canonical unit) still
 * read as noise rather than a reset.
 */
export const meters = pgTable(
  "meters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    equipmentId: uuid("equipment_id").references(() => equipment.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    kind: text("kind").notNull(), // consumption | production
    quantity: text("quantity").notNull(), // energy | power | volume
    unit: text("unit").notNull(), // kWh | kW | m3 (canonical for the quantity)
    carrier: text("carrier").notNull().default("electricity"), // electricity | natural_gas | diesel | water
    intervalMinutes: integer("interval_minutes").notNull().default(15),
    register: text("register").notNull().default("interval"), // interval | cumulative
    rolloverAt: doublePrecision("rollover_at"),
    jitterTolerance: doublePrecision("jitter_tolerance").notNull().default(0),
    active: boolean("active").notNull().default(true),
    /** Last index seen for a cumulative meter (canonical unit) and its time. */
    lastIndex: doublePrecision("last_index"),
    lastIndexAt: at("last_index_at"),
    lastReadingAt: at("last_reading_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("meters_code_key").on(sql`lower(${t.code})`), index("meters_site_idx").on(t.siteId)],
);

/**
 * One current value per meter and timestamp (the start of the interval, UTC). `value` is in
 * the meter's canonical unit: interval energy/volume, or average power. `index_value` keeps
 * the raw counter of a cumulative meter; `original_value`/`original_unit` what was sent.
 * `quality`: measured | estimated | corrected. `flags`: reset | rollover | replacement |
 * jitter | gap_before. `version` grows with each correction (older versions in
 * `reading_history`).
 */
export const readings = pgTable(
  "readings",
  {
    meterId: uuid("meter_id")
      .notNull()
      .references(() => meters.id),
    ts: timestamp("ts", { withTimezone: true }).notNull(),
    value: doublePrecision("value").notNull(),
    indexValue: doublePrecision("index_value"),
    originalValue: doublePrecision("original_value").notNull(),
    originalUnit: text("original_unit").notNull(),
    quality: text("quality").notNull().default("measured"),
    flags: text("flags").array(),
    source: text("source").notNull().default("api"), // api | mqtt | csv | seed
    version: integer("version").notNull().default(1),
    receivedAt: at("received_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "readings_pkey", columns: [t.meterId, t.ts] })],
);

/** Previous versions of corrected readings: never lost, newest version stays in `readings`. */
export const readingHistory = pgTable(
  "reading_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    meterId: uuid("meter_id")
      .notNull()
      .references(() => meters.id),
    ts: timestamp("ts", { withTimezone: true }).notNull(),
    value: doublePrecision("value").notNull(),
    indexValue: doublePrecision("index_value"),
    originalValue: doublePrecision("original_value").notNull(),
    originalUnit: text("original_unit").notNull(),
    quality: text("quality").notNull(),
    source: text("source").notNull(),
    version: integer("version").notNull(),
    receivedAt: at("received_at").notNull(),
    replacedAt: at("replaced_at").notNull().defaultNow(),
    replacedBy: text("replaced_by"),
  },
  (t) => [index("reading_history_meter_idx").on(t.meterId, t.ts)],
);

/**
 * Rollups maintained on ingest (recomputed for the touched buckets in the same transaction).
 * Hourly buckets are UTC hours; daily buckets are the site's local calendar days, so a
 * daylight-saving day holds 23 or 25 hours. `sum` for energy/volume, `sum/count` = average
 * power, `max` = peak. Quality counts carry the flags of the raw readings.
 */
export const readingsHourly = pgTable(
  "readings_hourly",
  {
    meterId: uuid("meter_id")
      .notNull()
      .references(() => meters.id),
    bucket: timestamp("bucket", { withTimezone: true }).notNull(),
    sum: doublePrecision("sum").notNull(),
    count: integer("count").notNull(),
    min: doublePrecision("min").notNull(),
    max: doublePrecision("max").notNull(),
    estimated: integer("estimated").notNull().default(0),
    corrected: integer("corrected").notNull().default(0),
  },
  // The primary key also carries `sum` (INCLUDE, migration 0007) for index-only reads by billing.
  (t) => [primaryKey({ name: "readings_hourly_pkey", columns: [t.meterId, t.bucket] })],
);

export const readingsDaily = pgTable(
  "readings_daily",
  {
    meterId: uuid("meter_id")
      .notNull()
      .references(() => meters.id),
    day: date("day").notNull(),
    sum: doublePrecision("sum").notNull(),
    count: integer("count").notNull(),
    min: doublePrecision("min").notNull(),
    max: doublePrecision("max").notNull(),
    estimated: integer("estimated").notNull().default(0),
    corrected: integer("corrected").notNull().default(0),
  },
  (t) => [primaryKey({ name: "readings_daily_pkey", columns: [t.meterId, t.day] })],
);

/** One row per ingest call (API, MQTT message, CSV import): what came in and what became of it. */
export const ingestBatches = pgTable(
  "ingest_batches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    source: text("source").notNull(), // api | mqtt | csv | seed
    actor: text("actor"),
    received: integer("received").notNull(),
    accepted: integer("accepted").notNull(),
    duplicates: integer("duplicates").notNull(),
    corrected: integer("corrected").notNull(),
    rejected: integer("rejected").notNull(),
    fileName: text("file_name"),
    createdAt: createdAt(),
  },
  (t) => [index("ingest_batches_created_idx").on(t.createdAt)],
);

/** Readings refused at ingest, kept for the data-quality view (first 500 per batch). */
export const ingestRejections = pgTable(
  "ingest_rejections",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    batchId: uuid("batch_id")
      .notNull()
      .references(() => ingestBatches.id),
    meterId: uuid("meter_id").references(() => meters.id),
    meterCode: text("meter_code"),
    itemIndex: integer("item_index").notNull(),
    code: text("code").notNull(),
    detail: text("detail").notNull(),
    payload: jsonb("payload"),
    createdAt: createdAt(),
  },
  (t) => [index("ingest_rejections_created_idx").on(t.createdAt), index("ingest_rejections_meter_idx").on(t.meterId)],
);

/**
 * One forecast run per meter and model (the latest replaces the previous one). Backtest
 * metrics: MAPE (%), CV(RMSE) (%), NMBE (%), skill = 1 − RMSE(model)/RMSE(naive).
 */
export const forecastRuns = pgTable(
  "forecast_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meterId: uuid("meter_id")
      .notNull()
      .references(() => meters.id),
    model: text("model").notNull(), // seasonal_naive | holt_winters
    intervalMinutes: integer("interval_minutes").notNull(),
    horizonFrom: at("horizon_from").notNull(),
    horizonTo: at("horizon_to").notNull(),
    backtestFrom: at("backtest_from"),
    backtestTo: at("backtest_to"),
    mape: doublePrecision("mape"),
    cvRmse: doublePrecision("cv_rmse"),
    nmbe: doublePrecision("nmbe"),
    skill: doublePrecision("skill"),
    params: jsonb("params"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("forecast_runs_meter_model_key").on(t.meterId, t.model)],
);

export const forecastPoints = pgTable(
  "forecast_points",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => forecastRuns.id, { onDelete: "cascade" }),
    ts: timestamp("ts", { withTimezone: true }).notNull(),
    value: doublePrecision("value").notNull(),
    lower: doublePrecision("lower"),
    upper: doublePrecision("upper"),
  },
  (t) => [primaryKey({ name: "forecast_points_pkey", columns: [t.runId, t.ts] })],
);

/**
 * Threshold rules: `above`/`below` `threshold` (meter's canonical unit; for a site rule, the
 * sum of its meters of `kind`) for at least `duration_minutes`.
 */
export const alertRules = pgTable(
  "alert_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    meterId: uuid("meter_id").references(() => meters.id),
    siteId: uuid("site_id").references(() => sites.id),
    kind: text("kind"), // consumption | production (site rules)
    comparator: text("comparator").notNull(), // above | below
    threshold: doublePrecision("threshold").notNull(),
    durationMinutes: integer("duration_minutes").notNull().default(15),
    severity: text("severity").notNull().default("warning"), // info | warning | critical
    enabled: boolean("enabled").notNull().default(true),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("alert_rules_meter_idx").on(t.meterId), index("alert_rules_site_idx").on(t.siteId)],
);

/** Alert lifecycle: firing → acknowledged → resolved. At most one open alert per rule. */
export const energyAlerts = pgTable(
  "energy_alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ruleId: uuid("rule_id")
      .notNull()
      .references(() => alertRules.id),
    state: text("state").notNull().default("firing"),
    firedAt: at("fired_at").notNull(),
    breachStartedAt: at("breach_started_at").notNull(),
    peakValue: doublePrecision("peak_value"),
    lastValue: doublePrecision("last_value"),
    acknowledgedAt: at("acknowledged_at"),
    acknowledgedBy: uuid("acknowledged_by").references(() => users.id),
    resolvedAt: at("resolved_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("energy_alerts_open_key")
      .on(t.ruleId)
      .where(sql`${t.state} <> 'resolved'`),
    index("energy_alerts_state_idx").on(t.state, t.firedAt),
  ],
);

/**
 * Emission factors as data, versioned: an edit inserts a new version and closes the previous
 * one (`superseded_at`). `zone` is an ISO country for grid electricity, or `*` for a fuel.
 * `value` in kgCO2e per `unit` (kWh, m3, L).
 */
export const emissionFactors = pgTable(
  "emission_factors",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    key: text("key").notNull(), // stable identity across versions, e.g. grid:DZ:2023:ember
    carrier: text("carrier").notNull(), // electricity | natural_gas | diesel | petrol | solar_pv | wind | hydro
    zone: text("zone").notNull(),
    year: integer("year").notNull(),
    value: numeric("value", { precision: 12, scale: 6 }).notNull(),
    unit: text("unit").notNull().default("kWh"),
    perimeter: text("perimeter").notNull(), // lifecycle | combustion
    source: text("source").notNull(),
    version: integer("version").notNull().default(1),
    supersededAt: at("superseded_at"),
    createdBy: text("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("emission_factors_key_version_key").on(t.key, t.version),
    uniqueIndex("emission_factors_current_key")
      .on(t.key)
      .where(sql`${t.supersededAt} is null`),
  ],
);

/** Yearly environmental targets per site. */
export const environmentTargets = pgTable(
  "environment_targets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    year: integer("year").notNull(),
    maxCo2Kg: numeric("max_co2_kg", { precision: 16, scale: 3 }),
    minRenewableShare: numeric("min_renewable_share", { precision: 5, scale: 4 }), // 0..1
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("environment_targets_site_year_key").on(t.siteId, t.year)],
);
