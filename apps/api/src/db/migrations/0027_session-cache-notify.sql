-- Session cache invalidation (ADR 0025-d): every change to what a signed-in caller is made of
-- tells the API instances, in the changing transaction, so the notice goes out exactly at commit.
-- Payload: 's:<session id>', 'u:<user id>', 'c:<customer id>', or '*' (forget everything).
CREATE FUNCTION session_cache_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  kind text := TG_ARGV[0];
  key_column text := TG_ARGV[1];
  old_key text;
  new_key text;
BEGIN
  IF TG_LEVEL = 'STATEMENT' THEN
    PERFORM pg_notify('session_cache', '*');
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    old_key := to_jsonb(OLD) ->> key_column;
    PERFORM pg_notify('session_cache', kind || ':' || old_key);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    new_key := to_jsonb(NEW) ->> key_column;
    IF new_key IS DISTINCT FROM old_key THEN
      PERFORM pg_notify('session_cache', kind || ':' || new_key);
    END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- "Last seen" is no part of the cached caller: only ending, moving or deleting a session counts.
CREATE TRIGGER sessions_session_cache AFTER UPDATE ON sessions FOR EACH ROW
  WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at OR OLD.user_id IS DISTINCT FROM NEW.user_id)
  EXECUTE FUNCTION session_cache_notify('s', 'id');
--> statement-breakpoint
CREATE TRIGGER sessions_session_cache_delete AFTER DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION session_cache_notify('s', 'id');
--> statement-breakpoint
CREATE TRIGGER users_session_cache AFTER UPDATE OR DELETE ON users FOR EACH ROW
  EXECUTE FUNCTION session_cache_notify('u', 'id');
--> statement-breakpoint
CREATE TRIGGER customers_session_cache AFTER UPDATE OR DELETE ON customers FOR EACH ROW
  EXECUTE FUNCTION session_cache_notify('c', 'id');
--> statement-breakpoint
CREATE TRIGGER customer_members_session_cache AFTER INSERT OR UPDATE OR DELETE ON customer_members FOR EACH ROW
  EXECUTE FUNCTION session_cache_notify('u', 'user_id');
--> statement-breakpoint
-- Only a factor confirmed or removed changes whether a member must still set one up.
CREATE TRIGGER totp_factors_session_cache AFTER UPDATE ON totp_factors FOR EACH ROW
  WHEN (OLD.confirmed_at IS DISTINCT FROM NEW.confirmed_at OR OLD.user_id IS DISTINCT FROM NEW.user_id)
  EXECUTE FUNCTION session_cache_notify('u', 'user_id');
--> statement-breakpoint
CREATE TRIGGER totp_factors_session_cache_insert_delete AFTER INSERT OR DELETE ON totp_factors FOR EACH ROW
  EXECUTE FUNCTION session_cache_notify('u', 'user_id');
--> statement-breakpoint
CREATE TRIGGER sessions_session_cache_truncate AFTER TRUNCATE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION session_cache_notify('*', '');
--> statement-breakpoint
CREATE TRIGGER users_session_cache_truncate AFTER TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION session_cache_notify('*', '');
--> statement-breakpoint
CREATE TRIGGER customers_session_cache_truncate AFTER TRUNCATE ON customers FOR EACH STATEMENT EXECUTE FUNCTION session_cache_notify('*', '');
--> statement-breakpoint
CREATE TRIGGER customer_members_session_cache_truncate AFTER TRUNCATE ON customer_members FOR EACH STATEMENT EXECUTE FUNCTION session_cache_notify('*', '');
--> statement-breakpoint
CREATE TRIGGER totp_factors_session_cache_truncate AFTER TRUNCATE ON totp_factors FOR EACH STATEMENT EXECUTE FUNCTION session_cache_notify('*', '');
