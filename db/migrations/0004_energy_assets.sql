CREATE TABLE "equipment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"serial_number" text,
	"manufacturer" text,
	"model" text,
	"commissioned_on" date,
	"state" text DEFAULT 'operational' NOT NULL,
	"criticality" text DEFAULT 'medium' NOT NULL,
	"plan_kind" text,
	"plan_interval" integer,
	"operating_hours" numeric(12, 1) DEFAULT '0' NOT NULL,
	"hours_at_last_service" numeric(12, 1),
	"last_service_on" date,
	"next_due_on" date,
	"qr_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fault_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"equipment_id" uuid NOT NULL,
	"description" text NOT NULL,
	"reporter_name" text,
	"reporter_contact" text,
	"status" text DEFAULT 'new' NOT NULL,
	"intervention_id" uuid,
	"ip" text,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interventions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"equipment_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"planned_start" timestamp with time zone NOT NULL,
	"planned_duration_minutes" integer DEFAULT 60 NOT NULL,
	"plan_due_on" date,
	"assigned_to" uuid,
	"status" text DEFAULT 'planned' NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"report_actions" text,
	"report_parts" jsonb,
	"time_spent_minutes" integer,
	"checklist" jsonb,
	"cancel_reason" text,
	"overdue_notified_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "networks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"region" text,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_status_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"changed_by" text,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"network_id" uuid,
	"parent_id" uuid,
	"address" text,
	"region" text,
	"country" text DEFAULT 'DZ' NOT NULL,
	"latitude" numeric(9, 6),
	"longitude" numeric(9, 6),
	"capacity_mw" numeric(12, 3),
	"timezone" text DEFAULT 'Africa/Algiers' NOT NULL,
	"status" text DEFAULT 'in_service' NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "equipment" ADD CONSTRAINT "equipment_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fault_reports" ADD CONSTRAINT "fault_reports_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."equipment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fault_reports" ADD CONSTRAINT "fault_reports_intervention_id_interventions_id_fk" FOREIGN KEY ("intervention_id") REFERENCES "public"."interventions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."equipment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_status_history" ADD CONSTRAINT "site_status_history_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_parent_id_sites_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "equipment_qr_token_key" ON "equipment" USING btree ("qr_token");--> statement-breakpoint
CREATE UNIQUE INDEX "equipment_site_serial_key" ON "equipment" USING btree ("site_id","serial_number") WHERE "equipment"."serial_number" is not null;--> statement-breakpoint
CREATE INDEX "equipment_site_idx" ON "equipment" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "equipment_next_due_idx" ON "equipment" USING btree ("next_due_on");--> statement-breakpoint
CREATE INDEX "equipment_name_idx" ON "equipment" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "fault_reports_status_idx" ON "fault_reports" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "interventions_reference_key" ON "interventions" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "interventions_plan_due_key" ON "interventions" USING btree ("equipment_id","plan_due_on") WHERE "interventions"."kind" = 'preventive' and "interventions"."plan_due_on" is not null;--> statement-breakpoint
CREATE INDEX "interventions_assignee_idx" ON "interventions" USING btree ("assigned_to","planned_start");--> statement-breakpoint
CREATE INDEX "interventions_site_idx" ON "interventions" USING btree ("site_id","planned_start");--> statement-breakpoint
CREATE INDEX "interventions_equipment_idx" ON "interventions" USING btree ("equipment_id","planned_start");--> statement-breakpoint
CREATE INDEX "interventions_status_idx" ON "interventions" USING btree ("status","planned_start");--> statement-breakpoint
CREATE UNIQUE INDEX "networks_code_key" ON "networks" USING btree (lower("code"));--> statement-breakpoint
CREATE INDEX "site_status_history_site_idx" ON "site_status_history" USING btree ("site_id","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sites_code_key" ON "sites" USING btree (lower("code"));--> statement-breakpoint
CREATE INDEX "sites_network_idx" ON "sites" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "sites_status_idx" ON "sites" USING btree ("status");--> statement-breakpoint
CREATE INDEX "sites_name_idx" ON "sites" USING btree ("name","id");