-- An organisation's mirrored contacts live only as long as some connection here reaches it. The check
-- runs at commit (deferred), so a re-consent that replaces a connection's tenants in one transaction
-- keeps the mirror of every organisation it still includes.
CREATE OR REPLACE FUNCTION xero_forget_unreached_mirror() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM xero_tenants WHERE tenant_id = OLD.tenant_id) THEN
    DELETE FROM xero_mirror_contacts WHERE tenant_id = OLD.tenant_id;
    DELETE FROM xero_sync_states WHERE tenant_id = OLD.tenant_id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER xero_tenants_forget_mirror
  AFTER DELETE ON xero_tenants
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION xero_forget_unreached_mirror();
