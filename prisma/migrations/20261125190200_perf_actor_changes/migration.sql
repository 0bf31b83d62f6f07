-- Who may do what changed: the API drops the actors it reuses between requests (apps/api/src/auth). One
-- notification per statement, delivered on commit (PostgreSQL folds identical ones within a transaction).
CREATE FUNCTION notify_actor_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('actor_changed', TG_TABLE_NAME);
  RETURN NULL;
END $$;

-- Accounts: only the columns an actor is built from (sign-ins update counters and locks on every attempt;
-- a lock refuses the account's tokens, so it counts).
CREATE TRIGGER user_account_changes_actors
  AFTER INSERT OR DELETE OR UPDATE OF username, supervisor, admin, member_id, locked_until, disabled_at,
    must_change_password, token_version, demo
  ON "user_account" FOR EACH STATEMENT EXECUTE FUNCTION notify_actor_changed();
CREATE TRIGGER user_ward_role_changes_actors AFTER INSERT OR UPDATE OR DELETE ON "user_ward_role"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_actor_changed();
CREATE TRIGGER delegation_changes_actors AFTER INSERT OR UPDATE OR DELETE ON "delegation"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_actor_changed();
CREATE TRIGGER ward_committee_member_changes_actors AFTER INSERT OR UPDATE OR DELETE ON "ward_committee_member"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_actor_changed();
