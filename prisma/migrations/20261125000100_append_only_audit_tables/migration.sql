-- Evidence tables are append-only in the database itself, not only in application code:
-- an UPDATE or DELETE (even from a psql session) is refused.
CREATE OR REPLACE FUNCTION toolledger_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION toolledger_refuse_change();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION toolledger_refuse_change();

CREATE TRIGGER "VerificationRecord_append_only" BEFORE UPDATE OR DELETE ON "VerificationRecord"
  FOR EACH ROW EXECUTE FUNCTION toolledger_refuse_change();
CREATE TRIGGER "VerificationRecord_no_truncate" BEFORE TRUNCATE ON "VerificationRecord"
  FOR EACH STATEMENT EXECUTE FUNCTION toolledger_refuse_change();

CREATE TRIGGER "EnforcementDecision_append_only" BEFORE UPDATE OR DELETE ON "EnforcementDecision"
  FOR EACH ROW EXECUTE FUNCTION toolledger_refuse_change();
CREATE TRIGGER "EnforcementDecision_no_truncate" BEFORE TRUNCATE ON "EnforcementDecision"
  FOR EACH STATEMENT EXECUTE FUNCTION toolledger_refuse_change();
