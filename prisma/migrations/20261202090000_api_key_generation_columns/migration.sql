-- An API key governs enforcement through what it may do (scopes, agent binding, expiry,
-- revocation, its secret), not through when it was last used: the once-a-minute `lastUsedAt`
-- bookkeeping bumped the generation and emptied every instance's facts cache and every gateway's
-- cached allows. The trigger now fires on inserts, deletes and updates of those columns only
-- (a column list fires when the UPDATE names the column, whatever the value).
DROP TRIGGER IF EXISTS "ApiKey_enforcement_generation" ON "ApiKey";
CREATE TRIGGER "ApiKey_enforcement_generation"
  AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF "scopes", "agentId", "expiresAt", "revokedAt", "secretHash" ON "ApiKey"
  FOR EACH STATEMENT EXECUTE FUNCTION toolledger_note_enforcement_change();
