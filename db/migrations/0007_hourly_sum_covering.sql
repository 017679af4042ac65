-- Billing classifies a month of each meter's hourly sums by time of use. With `sum` carried in the
-- primary key's index those reads are index-only, instead of one heap page per hour (the table is
-- stored in time order, so a meter's hours are spread over the whole table).
ALTER TABLE "readings_hourly" DROP CONSTRAINT "readings_hourly_pkey";--> statement-breakpoint
ALTER TABLE "readings_hourly" ADD CONSTRAINT "readings_hourly_pkey" PRIMARY KEY ("meter_id", "bucket") INCLUDE ("sum");
