/**
 * Evidence tables: rows are written once and never changed. The triggers in the migrations
 * refuse UPDATE, DELETE and TRUNCATE for everyone; with a separate migration role the runtime
 * role also gets only INSERT and SELECT on them (lib/db/runtime-role.ts), so it cannot drop the
 * triggers either. One list: the grants skip a table a migration has not created yet.
 */
export const APPEND_ONLY_TABLES = [
  'AuditEvent',
  'AuditCheckpoint',
  'VerificationRecord',
  'EnforcementDecision',
  'Approval',
  'ChangeComment',
  'ToolDefinitionReport',
  // Risk assessments (issue 12): each reassessment is a new row.
  'RiskAssessment',
  // Data flow maps (issue 12): each edit or confirmation is a new row.
  'DataFlowMap',
  // Invocation events (issue 11); partitions are reached only through this parent table.
  'InvocationEvent',
  // Auditor portal (issue 14).
  'EngagementSample',
  'EngagementReply',
  // Incident response (issue 14.6): the timeline of every action.
  'IncidentEvent',
  // Alert inbox (issue 11.5): the notes on an alert.
  'AlertNote',
] as const;
