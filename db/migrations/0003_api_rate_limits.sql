ALTER TABLE "api_keys" ADD COLUMN "rate_limit" integer;--> statement-breakpoint
ALTER TABLE "oauth_clients" ADD COLUMN "rate_limit" integer;