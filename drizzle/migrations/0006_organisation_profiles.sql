CREATE TABLE "xero_organisation_profiles" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"country_code" text,
	"base_currency" text,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL
);
