import { sql } from "drizzle-orm";
import { type AnyPgColumn, date, index, integer, jsonb, numeric, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt, at } from "./columns";
import { users } from "./platform";

/** A network groups sites (a regional grid, a smart-grid perimeter, a producer's fleet). */
export const networks = pgTable(
  "networks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    kind: text("kind").notNull(), // transmission | distribution | microgrid | smart_grid | fleet
    region: text("region"),
    description: text("description"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("networks_code_key").on(sql`lower(${t.code})`)],
);

/**
 * A production or grid site. Never hard-deleted once it has history: decommissioning is a
 * status. Capacity in MW (numeric, exact); coordinates in WGS84 degrees.
 */
export const sites = pgTable(
  "sites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    type: text("type").notNull(), // thermal_plant | solar_park | wind_park | hydro_plant | substation | smart_grid_node | storage | other
    networkId: uuid("network_id").references(() => networks.id),
    parentId: uuid("parent_id").references((): AnyPgColumn => sites.id),
    address: text("address"),
    region: text("region"), // wilaya (DZ) or région (MA)
    country: text("country").notNull().default("DZ"), // ISO 3166-1 alpha-2
    latitude: numeric("latitude", { precision: 9, scale: 6 }),
    longitude: numeric("longitude", { precision: 9, scale: 6 }),
    capacityMw: numeric("capacity_mw", { precision: 12, scale: 3 }),
    timezone: text("timezone").notNull().default("Africa/Algiers"),
    status: text("status").notNull().default("in_service"), // in_service | maintenance | out_of_service | decommissioned
    statusChangedAt: at("status_changed_at").notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("sites_code_key").on(sql`lower(${t.code})`),
    index("sites_network_idx").on(t.networkId),
    index("sites_status_idx").on(t.status),
    index("sites_name_idx").on(t.name, t.id),
  ],
);

/** Every status a site went through, newest last; written with each status change. */
export const siteStatusHistory = pgTable(
  "site_status_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    status: text("status").notNull(),
    reason: text("reason"),
    changedBy: text("changed_by"),
    changedAt: at("changed_at").notNull().defaultNow(),
  },
  (t) => [index("site_status_history_site_idx").on(t.siteId, t.changedAt)],
);

/**
 * Equipment on a site. A preventive plan is either every `plan_interval` days
 * (`plan_kind = 'days'`) or every `plan_interval` operating hours from the counter
 * (`'hours'`); `next_due_on` is the date the next preventive intervention is due.
 */
export const equipment = pgTable(
  "equipment",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    name: text("name").notNull(),
    type: text("type").notNull(), // transformer | inverter | turbine | meter | panel_string | battery | breaker | generator | pump | other
    serialNumber: text("serial_number"),
    manufacturer: text("manufacturer"),
    model: text("model"),
    commissionedOn: date("commissioned_on"),
    state: text("state").notNull().default("operational"), // operational | degraded | failed | out_of_service
    criticality: text("criticality").notNull().default("medium"), // low | medium | high | critical
    planKind: text("plan_kind"), // days | hours | null (no preventive plan)
    planInterval: integer("plan_interval"),
    operatingHours: numeric("operating_hours", { precision: 12, scale: 1 }).notNull().default("0"),
    hoursAtLastService: numeric("hours_at_last_service", { precision: 12, scale: 1 }),
    lastServiceOn: date("last_service_on"),
    nextDueOn: date("next_due_on"),
    /** Random token of the printed QR label's public fault-report link. */
    qrToken: text("qr_token").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("equipment_qr_token_key").on(t.qrToken),
    uniqueIndex("equipment_site_serial_key")
      .on(t.siteId, t.serialNumber)
      .where(sql`${t.serialNumber} is not null`),
    index("equipment_site_idx").on(t.siteId),
    index("equipment_next_due_idx").on(t.nextDueOn),
    index("equipment_name_idx").on(t.name, t.id),
  ],
);

/**
 * Maintenance interventions (work orders): planned → in_progress → done, or cancelled.
 * A preventive intervention carries the due date of its plan; the unique index makes the
 * generator create exactly one per equipment and due date.
 */
export const interventions = pgTable(
  "interventions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reference: text("reference").notNull(),
    equipmentId: uuid("equipment_id")
      .notNull()
      .references(() => equipment.id),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    kind: text("kind").notNull(), // preventive | corrective | inspection
    source: text("source").notNull().default("manual"), // manual | plan | fault_report | alarm
    title: text("title").notNull(),
    description: text("description"),
    plannedStart: at("planned_start").notNull(),
    plannedDurationMinutes: integer("planned_duration_minutes").notNull().default(60),
    planDueOn: date("plan_due_on"),
    assignedTo: uuid("assigned_to").references(() => users.id),
    status: text("status").notNull().default("planned"), // planned | in_progress | done | cancelled
    startedAt: at("started_at"),
    completedAt: at("completed_at"),
    reportActions: text("report_actions"),
    reportParts: jsonb("report_parts").$type<{ name: string; quantity: number }[]>(),
    timeSpentMinutes: integer("time_spent_minutes"),
    checklist: jsonb("checklist").$type<{ label: string; done: boolean }[]>(),
    cancelReason: text("cancel_reason"),
    overdueNotifiedAt: at("overdue_notified_at"),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("interventions_reference_key").on(t.reference),
    uniqueIndex("interventions_plan_due_key")
      .on(t.equipmentId, t.planDueOn)
      .where(sql`${t.kind} = 'preventive' and ${t.planDueOn} is not null`),
    index("interventions_assignee_idx").on(t.assignedTo, t.plannedStart),
    index("interventions_site_idx").on(t.siteId, t.plannedStart),
    index("interventions_equipment_idx").on(t.equipmentId, t.plannedStart),
    index("interventions_status_idx").on(t.status, t.plannedStart),
  ],
);

/** Public fault reports from an equipment's QR label, reviewed by an admin. */
export const faultReports = pgTable(
  "fault_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    equipmentId: uuid("equipment_id")
      .notNull()
      .references(() => equipment.id),
    description: text("description").notNull(),
    reporterName: text("reporter_name"),
    reporterContact: text("reporter_contact"),
    status: text("status").notNull().default("new"), // new | accepted | rejected
    interventionId: uuid("intervention_id").references(() => interventions.id),
    ip: text("ip"),
    reviewedBy: text("reviewed_by"),
    reviewedAt: at("reviewed_at"),
    createdAt: createdAt(),
  },
  (t) => [index("fault_reports_status_idx").on(t.status, t.createdAt)],
);
