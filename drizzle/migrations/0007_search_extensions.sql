-- The contacts mirror searches with trigrams over accent- and case-folded text.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
-- unaccent() is only STABLE (its dictionary could change), so indexes and generated columns need this
-- IMMUTABLE wrapper that names the dictionary explicitly.
CREATE OR REPLACE FUNCTION xero_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;
