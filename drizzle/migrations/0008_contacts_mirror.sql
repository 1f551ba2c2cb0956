CREATE TABLE "xero_mirror_contacts" (
	"tenant_id" text NOT NULL,
	"contact_id" uuid NOT NULL,
	"name" text NOT NULL,
	"first_name" text,
	"last_name" text,
	"email" text,
	"contact_number" text,
	"website" text,
	"status" text NOT NULL,
	"is_customer" boolean DEFAULT false NOT NULL,
	"is_supplier" boolean DEFAULT false NOT NULL,
	"persons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"phones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"addresses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_date_utc" timestamp (3) with time zone NOT NULL,
	"persons_text" text DEFAULT '' NOT NULL,
	"name_key" text GENERATED ALWAYS AS (xero_fold(name)) STORED NOT NULL,
	"search_text" text GENERATED ALWAYS AS (xero_fold(name || ' ' || coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(contact_number, '') || ' ' || persons_text)) STORED NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "xero_mirror_contacts_tenant_id_contact_id_pk" PRIMARY KEY("tenant_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "xero_sync_states" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"phase" text DEFAULT 'initial' NOT NULL,
	"initial_done_at" timestamp with time zone,
	"next_page" integer DEFAULT 1 NOT NULL,
	"pages_done" integer DEFAULT 0 NOT NULL,
	"pages_total" integer,
	"contacts_done" integer DEFAULT 0 NOT NULL,
	"contacts_total" integer,
	"cursor" timestamp (3) with time zone,
	"running_since" timestamp with time zone,
	"active_count" integer DEFAULT 0 NOT NULL,
	"stored_count" integer DEFAULT 0 NOT NULL,
	"last_started_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"next_run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"failures" integer DEFAULT 0 NOT NULL,
	"removed_in_xero_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP TABLE "job_leases" CASCADE;--> statement-breakpoint
CREATE INDEX "xero_mirror_contacts_name_idx" ON "xero_mirror_contacts" USING btree ("tenant_id","name_key","contact_id");--> statement-breakpoint
CREATE INDEX "xero_mirror_contacts_updated_idx" ON "xero_mirror_contacts" USING btree ("tenant_id","updated_date_utc","contact_id");--> statement-breakpoint
CREATE INDEX "xero_mirror_contacts_search_idx" ON "xero_mirror_contacts" USING gin ("search_text" gin_trgm_ops) WITH (fastupdate=false);