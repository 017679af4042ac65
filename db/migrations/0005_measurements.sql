CREATE TABLE "alert_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"meter_id" uuid,
	"site_id" uuid,
	"kind" text,
	"comparator" text NOT NULL,
	"threshold" double precision NOT NULL,
	"duration_minutes" integer DEFAULT 15 NOT NULL,
	"severity" text DEFAULT 'warning' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emission_factors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"carrier" text NOT NULL,
	"zone" text NOT NULL,
	"year" integer NOT NULL,
	"value" numeric(12, 6) NOT NULL,
	"unit" text DEFAULT 'kWh' NOT NULL,
	"perimeter" text NOT NULL,
	"source" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"superseded_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "energy_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_id" uuid NOT NULL,
	"state" text DEFAULT 'firing' NOT NULL,
	"fired_at" timestamp with time zone NOT NULL,
	"breach_started_at" timestamp with time zone NOT NULL,
	"peak_value" double precision,
	"last_value" double precision,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "environment_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"max_co2_kg" numeric(16, 3),
	"min_renewable_share" numeric(5, 4),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forecast_points" (
	"run_id" uuid NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"value" double precision NOT NULL,
	"lower" double precision,
	"upper" double precision,
	CONSTRAINT "forecast_points_pkey" PRIMARY KEY("run_id","ts")
);
--> statement-breakpoint
CREATE TABLE "forecast_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meter_id" uuid NOT NULL,
	"model" text NOT NULL,
	"interval_minutes" integer NOT NULL,
	"horizon_from" timestamp with time zone NOT NULL,
	"horizon_to" timestamp with time zone NOT NULL,
	"backtest_from" timestamp with time zone,
	"backtest_to" timestamp with time zone,
	"mape" double precision,
	"cv_rmse" double precision,
	"nmbe" double precision,
	"skill" double precision,
	"params" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ingest_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"actor" text,
	"received" integer NOT NULL,
	"accepted" integer NOT NULL,
	"duplicates" integer NOT NULL,
	"corrected" integer NOT NULL,
	"rejected" integer NOT NULL,
	"file_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ingest_rejections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"batch_id" uuid NOT NULL,
	"meter_id" uuid,
	"meter_code" text,
	"item_index" integer NOT NULL,
	"code" text NOT NULL,
	"detail" text NOT NULL,
	"payload" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"equipment_id" uuid,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"quantity" text NOT NULL,
	"unit" text NOT NULL,
	"carrier" text DEFAULT 'electricity' NOT NULL,
	"interval_minutes" integer DEFAULT 15 NOT NULL,
	"register" text DEFAULT 'interval' NOT NULL,
	"rollover_at" double precision,
	"jitter_tolerance" double precision DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"last_index" double precision,
	"last_index_at" timestamp with time zone,
	"last_reading_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reading_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"meter_id" uuid NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"value" double precision NOT NULL,
	"index_value" double precision,
	"original_value" double precision NOT NULL,
	"original_unit" text NOT NULL,
	"quality" text NOT NULL,
	"source" text NOT NULL,
	"version" integer NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"replaced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replaced_by" text
);
--> statement-breakpoint
CREATE TABLE "readings" (
	"meter_id" uuid NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"value" double precision NOT NULL,
	"index_value" double precision,
	"original_value" double precision NOT NULL,
	"original_unit" text NOT NULL,
	"quality" text DEFAULT 'measured' NOT NULL,
	"flags" text[],
	"source" text DEFAULT 'api' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "readings_pkey" PRIMARY KEY("meter_id","ts")
);
--> statement-breakpoint
CREATE TABLE "readings_daily" (
	"meter_id" uuid NOT NULL,
	"day" date NOT NULL,
	"sum" double precision NOT NULL,
	"count" integer NOT NULL,
	"min" double precision NOT NULL,
	"max" double precision NOT NULL,
	"estimated" integer DEFAULT 0 NOT NULL,
	"corrected" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "readings_daily_pkey" PRIMARY KEY("meter_id","day")
);
--> statement-breakpoint
CREATE TABLE "readings_hourly" (
	"meter_id" uuid NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"sum" double precision NOT NULL,
	"count" integer NOT NULL,
	"min" double precision NOT NULL,
	"max" double precision NOT NULL,
	"estimated" integer DEFAULT 0 NOT NULL,
	"corrected" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "readings_hourly_pkey" PRIMARY KEY("meter_id","bucket")
);
--> statement-breakpoint
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_meter_id_meters_id_fk" FOREIGN KEY ("meter_id") REFERENCES "public"."meters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "energy_alerts" ADD CONSTRAINT "energy_alerts_rule_id_alert_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."alert_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "energy_alerts" ADD CONSTRAINT "energy_alerts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "environment_targets" ADD CONSTRAINT "environment_targets_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_points" ADD CONSTRAINT "forecast_points_run_id_forecast_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."forecast_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_runs" ADD CONSTRAINT "forecast_runs_meter_id_meters_id_fk" FOREIGN KEY ("meter_id") REFERENCES "public"."meters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ingest_rejections" ADD CONSTRAINT "ingest_rejections_batch_id_ingest_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."ingest_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ingest_rejections" ADD CONSTRAINT "ingest_rejections_meter_id_meters_id_fk" FOREIGN KEY ("meter_id") REFERENCES "public"."meters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meters" ADD CONSTRAINT "meters_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meters" ADD CONSTRAINT "meters_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."equipment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_history" ADD CONSTRAINT "reading_history_meter_id_meters_id_fk" FOREIGN KEY ("meter_id") REFERENCES "public"."meters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readings" ADD CONSTRAINT "readings_meter_id_meters_id_fk" FOREIGN KEY ("meter_id") REFERENCES "public"."meters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readings_daily" ADD CONSTRAINT "readings_daily_meter_id_meters_id_fk" FOREIGN KEY ("meter_id") REFERENCES "public"."meters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readings_hourly" ADD CONSTRAINT "readings_hourly_meter_id_meters_id_fk" FOREIGN KEY ("meter_id") REFERENCES "public"."meters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_rules_meter_idx" ON "alert_rules" USING btree ("meter_id");--> statement-breakpoint
CREATE INDEX "alert_rules_site_idx" ON "alert_rules" USING btree ("site_id");--> statement-breakpoint
CREATE UNIQUE INDEX "emission_factors_key_version_key" ON "emission_factors" USING btree ("key","version");--> statement-breakpoint
CREATE UNIQUE INDEX "emission_factors_current_key" ON "emission_factors" USING btree ("key") WHERE "emission_factors"."superseded_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "energy_alerts_open_key" ON "energy_alerts" USING btree ("rule_id") WHERE "energy_alerts"."state" <> 'resolved';--> statement-breakpoint
CREATE INDEX "energy_alerts_state_idx" ON "energy_alerts" USING btree ("state","fired_at");--> statement-breakpoint
CREATE UNIQUE INDEX "environment_targets_site_year_key" ON "environment_targets" USING btree ("site_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "forecast_runs_meter_model_key" ON "forecast_runs" USING btree ("meter_id","model");--> statement-breakpoint
CREATE INDEX "ingest_batches_created_idx" ON "ingest_batches" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "ingest_rejections_created_idx" ON "ingest_rejections" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "ingest_rejections_meter_idx" ON "ingest_rejections" USING btree ("meter_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meters_code_key" ON "meters" USING btree (lower("code"));--> statement-breakpoint
CREATE INDEX "meters_site_idx" ON "meters" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "reading_history_meter_idx" ON "reading_history" USING btree ("meter_id","ts");