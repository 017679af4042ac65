import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, createdAt, updatedAt } from "./columns";
import { users } from "./platform";

/**
 * A server or VM of the inventory. `status` is the lifecycle (provisioning → running →
 * maintenance → stopped → decommissioned, see lib/devops/server-lifecycle.ts); `monitor_state`
 * what its agent says: unknown (never reported) | up | stale (late) | down (missed
 * `missed_heartbeats` intervals of `heartbeat_seconds`). `location` is the provider or
 * datacenter, `country` the ISO code of where it runs (it picks the incident's SLA calendar).
 */
export const servers = pgTable(
  "servers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    hostname: text("hostname").notNull(),
    addresses: text("addresses")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    kind: text("kind").notNull(), // physical | vm | container_host
    location: text("location").notNull(),
    country: text("country").notNull().default("DZ"),
    os: text("os").notNull().default(""),
    cpuCores: integer("cpu_cores"),
    memoryMb: integer("memory_mb"),
    diskGb: integer("disk_gb"),
    environment: text("environment").notNull(), // production | staging | development
    role: text("role").notNull().default(""),
    tags: text("tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    team: text("team").notNull().default(""),
    criticality: text("criticality").notNull().default("medium"), // low | medium | high | critical
    status: text("status").notNull().default("provisioning"),
    notes: text("notes").notNull().default(""),
    heartbeatSeconds: integer("heartbeat_seconds").notNull().default(60),
    missedHeartbeats: integer("missed_heartbeats").notNull().default(3),
    monitorState: text("monitor_state").notNull().default("unknown"),
    monitorStateSince: at("monitor_state_since"),
    lastHeartbeatAt: at("last_heartbeat_at"),
    agentVersion: text("agent_version"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("servers_hostname_key").on(sql`lower(${t.hostname})`),
    index("servers_status_idx").on(t.status),
    index("servers_monitor_idx").on(t.monitorState),
    index("servers_tags_idx").using("gin", t.tags),
  ],
);

/** Every lifecycle change of a server, with who and why. */
export const serverStatusHistory = pgTable(
  "server_status_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    serverId: uuid("server_id")
      .notNull()
      .references(() => servers.id),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    actorLabel: text("actor_label").notNull(),
    reason: text("reason").notNull().default(""),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("server_status_history_server_idx").on(t.serverId, t.at)],
);

/**
 * Who may access a server, at which level, until when. Only the SSH key's fingerprint is
 * kept (SHA256:…), never a key or password. Revoked grants stay for the record.
 */
export const serverAccessGrants = pgTable(
  "server_access_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serverId: uuid("server_id")
      .notNull()
      .references(() => servers.id),
    userId: uuid("user_id").references(() => users.id),
    principal: text("principal").notNull(), // login name on the host
    level: text("level").notNull().default("operator"), // read | operator | root
    sshKeyFingerprint: text("ssh_key_fingerprint"),
    expiresAt: at("expires_at"),
    reason: text("reason").notNull().default(""),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
    revokedAt: at("revoked_at"),
    revokedBy: text("revoked_by"),
  },
  (t) => [index("server_access_grants_server_idx").on(t.serverId)],
);

/** Dated notes on a server (the free `notes` column is its description). */
export const serverNotes = pgTable(
  "server_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serverId: uuid("server_id")
      .notNull()
      .references(() => servers.id),
    authorLabel: text("author_label").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("server_notes_server_idx").on(t.serverId, t.createdAt)],
);

/** A server's agent credential: `dha_…`, shown once, stored as a SHA-256 hash; `hint` = last 4 characters. */
export const agentTokens = pgTable(
  "agent_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serverId: uuid("server_id")
      .notNull()
      .references(() => servers.id),
    hash: text("hash").notNull(),
    hint: text("hint").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
    lastUsedAt: at("last_used_at"),
    revokedAt: at("revoked_at"),
  },
  (t) => [uniqueIndex("agent_tokens_hash_key").on(t.hash), index("agent_tokens_server_idx").on(t.serverId)],
);

/**
 * One metric of one server (cpu, memory, disk, load, net_rx, net_tx, or a custom name), with
 * its latest point kept on the row so that the fleet view and the rule evaluation read
 * 10,000 series without touching the points.
 */
export const metricSeries = pgTable(
  "metric_series",
  {
    id: serial("id").primaryKey(),
    serverId: uuid("server_id")
      .notNull()
      .references(() => servers.id),
    name: text("name").notNull(),
    unit: text("unit").notNull().default(""),
    lastValue: doublePrecision("last_value"),
    lastTs: at("last_ts"),
  },
  (t) => [uniqueIndex("metric_series_server_name_key").on(t.serverId, t.name)],
);

/** Metric points: one value per series and time (same time, same value: a duplicate; another value replaces it). */
export const metricPoints = pgTable(
  "metric_points",
  {
    seriesId: integer("series_id")
      .notNull()
      .references(() => metricSeries.id),
    ts: timestamp("ts", { withTimezone: true }).notNull(),
    value: doublePrecision("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.seriesId, t.ts] })],
);

/**
 * A metric alert rule. `selector`: { tags?: string[] (all must be present), environment?,
 * role? }; `comparator`: gt | gte | lt | lte; `for_seconds`: how long the condition must hold
 * (pending) before firing; `notify_roles`: roles notified on firing and resolution.
 */
export const metricRules = pgTable("metric_rules", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  metric: text("metric").notNull(),
  selector: jsonb("selector").notNull().default({}),
  comparator: text("comparator").notNull(),
  threshold: doublePrecision("threshold").notNull(),
  forSeconds: integer("for_seconds").notNull().default(0),
  severity: text("severity").notNull(), // sev1 | sev2 | sev3 | sev4
  openIncident: boolean("open_incident").notNull().default(false),
  notifyRoles: text("notify_roles")
    .array()
    .notNull()
    .default(sql`'{devops}'::text[]`),
  repeatMinutes: integer("repeat_minutes").notNull().default(240),
  enabled: boolean("enabled").notNull().default(true),
  createdBy: text("created_by").notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * One alert instance, Alertmanager-style: identified by `fingerprint` (a hash of its labels;
 * for rules: rule id + server), states pending → firing → resolved. At most one live
 * (not resolved) instance per fingerprint. `source`: rule | alertmanager. `starts_at` is
 * the Alertmanager startsAt (replays of the same firing change nothing).
 */
export const alertInstances = pgTable(
  "alert_instances",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    source: text("source").notNull(),
    ruleId: uuid("rule_id").references(() => metricRules.id),
    serverId: uuid("server_id").references(() => servers.id),
    fingerprint: text("fingerprint").notNull(),
    name: text("name").notNull(),
    severity: text("severity").notNull(),
    labels: jsonb("labels").notNull().default({}),
    annotations: jsonb("annotations").notNull().default({}),
    state: text("state").notNull(), // pending | firing | resolved
    value: doublePrecision("value"),
    activeAt: timestamp("active_at", { withTimezone: true }).notNull(),
    startsAt: at("starts_at"),
    firedAt: at("fired_at"),
    resolvedAt: at("resolved_at"),
    lastNotifiedAt: at("last_notified_at"),
    silencedBy: uuid("silenced_by"),
    incidentId: uuid("incident_id"),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("alert_instances_live_key")
      .on(t.fingerprint)
      .where(sql`${t.state} <> 'resolved'`),
    index("alert_instances_state_idx").on(t.state, t.activeAt),
    index("alert_instances_fingerprint_idx").on(t.fingerprint, t.startsAt),
  ],
);

/** A silence: while now ∈ [starts_at, ends_at) and every matcher matches an alert's labels, it notifies no one. */
export const silences = pgTable("silences", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** [{ name, op: "=" | "!=" | "=~" | "!~", value }] */
  matchers: jsonb("matchers").notNull(),
  startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
  endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
  createdBy: text("created_by").notNull(),
  comment: text("comment").notNull(),
  expiredAt: at("expired_at"),
  createdAt: createdAt(),
});

/**
 * A business calendar: time zone and working hours per weekday
 * (`hours`: { "0": [["08:00","16:30"]], … } with 0 = Sunday; an absent or empty day is off).
 */
export const businessCalendars = pgTable("business_calendars", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  country: text("country").notNull(),
  timezone: text("timezone").notNull(),
  hours: jsonb("hours").notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Holidays of a calendar, as data (civil and Hijri, confirmed yearly by an admin). */
export const calendarHolidays = pgTable(
  "calendar_holidays",
  {
    calendarId: uuid("calendar_id")
      .notNull()
      .references(() => businessCalendars.id),
    day: date("day").notNull(),
    name: text("name").notNull(),
  },
  (t) => [primaryKey({ columns: [t.calendarId, t.day] })],
);

/**
 * An SLA policy: targets per severity in business minutes on its calendar
 * (`targets`: { sev1: { ackMinutes, resolveMinutes }, … }), a warning at `warn_percent`.
 * `country` picks the default policy of an incident from its servers' country.
 */
export const slaPolicies = pgTable("sla_policies", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  calendarId: uuid("calendar_id")
    .notNull()
    .references(() => businessCalendars.id),
  targets: jsonb("targets").notNull(),
  warnPercent: integer("warn_percent").notNull().default(80),
  isDefault: boolean("is_default").notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * An incident. `number` is shown as INC-000123. Status: triggered → acknowledged →
 * investigating → mitigated → resolved → closed, or cancelled (lib/devops/incident-status.ts).
 * SLA clocks are snapshotted at opening (`ack_due_at`, `resolve_due_at`, business time on the
 * policy's calendar); `paused_at` is set while waiting on the requester, and on resume every
 * open deadline moves by the paused business time. `*_warned_at` / `*_breached_at` record
 * the 80 % warning and the breach (sent once).
 */
export const incidents = pgTable(
  "incidents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: serial("number").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    severity: text("severity").notNull(),
    status: text("status").notNull().default("triggered"),
    source: text("source").notNull(), // ui | api | alert | alertmanager
    openedById: uuid("opened_by_id").references(() => users.id),
    openedByLabel: text("opened_by_label").notNull(),
    assigneeId: uuid("assignee_id").references(() => users.id),
    slaPolicyId: uuid("sla_policy_id").references(() => slaPolicies.id),
    ackDueAt: at("ack_due_at"),
    resolveDueAt: at("resolve_due_at"),
    acknowledgedAt: at("acknowledged_at"),
    mitigatedAt: at("mitigated_at"),
    resolvedAt: at("resolved_at"),
    closedAt: at("closed_at"),
    cancelledAt: at("cancelled_at"),
    pausedAt: at("paused_at"),
    pausedSeconds: integer("paused_seconds").notNull().default(0),
    ackWarnedAt: at("ack_warned_at"),
    ackBreachedAt: at("ack_breached_at"),
    resolveWarnedAt: at("resolve_warned_at"),
    resolveBreachedAt: at("resolve_breached_at"),
    /** Post-incident review, required to close: summary, root cause, impact, follow-up actions. */
    summary: text("summary"),
    rootCause: text("root_cause"),
    impact: text("impact"),
    followUps: text("follow_ups"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("incidents_number_key").on(t.number),
    index("incidents_status_idx").on(t.status, t.createdAt),
    index("incidents_opened_by_idx").on(t.openedById),
  ],
);

export const incidentServers = pgTable(
  "incident_servers",
  {
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id),
    serverId: uuid("server_id")
      .notNull()
      .references(() => servers.id),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.serverId] }), index("incident_servers_server_idx").on(t.serverId)],
);

/**
 * The incident's timeline: kind status | comment | alert | notification | assignment |
 * pause | resume | sla_warning | sla_breach | review; `data` holds the details
 * (e.g. { from, to } for a status change).
 */
export const incidentEvents = pgTable(
  "incident_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id),
    kind: text("kind").notNull(),
    actorLabel: text("actor_label").notNull(),
    body: text("body"),
    data: jsonb("data").notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("incident_events_incident_idx").on(t.incidentId, t.at)],
);
