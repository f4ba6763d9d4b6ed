/**
 * Every action the audit trail records, one grammar: `entity.pastTenseVerb`. The audit writer
 * accepts only these (a typo is a compile error) and the audit page filters by them; the label
 * is what a person reads. A new kind of record adds its actions here in the same change.
 */
export const AUDIT_ACTIONS = {
  'agent.created': 'Agent created',
  'alert.acknowledged': 'Alert acknowledged',
  'alert.assigned': 'Alert assigned',
  'alert.noted': 'Alert note added',
  'alert.raised': 'Alert raised',
  'alert.reopened': 'Alert reopened',
  'alert.resolved': 'Alert resolved',
  'alert.unassigned': 'Alert unassigned',
  'allowlist.added': 'Allowlist entry added',
  'allowlist.approved': 'Allowlist entry approved',
  'allowlist.rejected': 'Allowlist entry rejected',
  'allowlist.removed': 'Allowlist entry removed',
  'apiKey.created': 'API key created',
  'auditCheckpoint.recorded': 'Audit chain checkpoint recorded',
  'apiKey.revoked': 'API key revoked',
  'changeRequest.approved': 'Change request approved',
  'changeRequest.commented': 'Change request commented',
  'changeRequest.created': 'Change request created',
  'changeRequest.deployed': 'Change request deployed',
  'changeRequest.fastTracked': 'Change request fast-tracked',
  'changeRequest.openedByEnforcement': 'Change request opened by enforcement',
  'changeRequest.rejected': 'Change request rejected',
  'changeRequest.withdrawn': 'Change request withdrawn',
  'exception.approved': 'Policy exception approved',
  // Invocation events (issue 11)
  'invocation.batchIngested': 'Invocation events ingested',
  'invocation.exported': 'Invocation events exported',
  'invocation.purged': 'Invocation events purged (retention)',
  // SIEM hand-off (issue 11.6): alert webhooks, and retention per environment (11.3).
  'webhookEndpoint.created': 'Webhook endpoint created',
  'webhookEndpoint.enabled': 'Webhook endpoint enabled',
  'webhookEndpoint.disabled': 'Webhook endpoint disabled',
  'webhookEndpoint.tested': 'Webhook endpoint test sent',
  'eventRetention.updated': 'Event retention updated',
  // Policy exception workflow (issue 12.3)
  'exception.requested': 'Policy exception requested',
  'exception.rejected': 'Policy exception rejected',
  'exception.revoked': 'Policy exception revoked',
  'exception.reopened': 'Policy exception reopened for review',
  'exception.expiryAlerted': 'Policy exception expiry alerted',
  // Evidence packs (issue 13).
  'evidencePack.built': 'Evidence pack built',
  'evidencePack.requested': 'Evidence pack build requested',
  'evidencePack.cancelled': 'Evidence pack build cancelled',
  'evidencePack.failed': 'Evidence pack build failed',
  'evidencePack.downloaded': 'Evidence pack downloaded',
  'evidencePack.verified': 'Evidence pack verified',
  'policy.created': 'Policy created',
  'policy.updated': 'Policy updated',
  'publisher.identityWithdrawn': 'Publisher identity withdrawn',
  'publisher.imported': 'Publisher imported',
  'publisher.updated': 'Publisher updated',
  'registry.connectionTested': 'Registry connection tested',
  'registry.created': 'Registry created',
  'registry.disabled': 'Registry disabled',
  'registry.enabled': 'Registry enabled',
  'registry.syncFinished': 'Registry sync finished',
  'registry.syncStarted': 'Registry sync started',
  'registry.updated': 'Registry updated',
  'tool.imported': 'Tool imported',
  'tool.ownershipUpdated': 'Tool ownership updated',
  'tool.synced': 'Tool synced',
  // Tool definitions seen by gateways and syncs (issue 15)
  'toolDefinitions.reported': 'Tool definitions reported',
  'user.bootstrapped': 'First admin bootstrapped',
  'user.created': 'User created',
  'user.createdBySso': 'User created by single sign-on',
  'user.deactivated': 'User deactivated',
  'user.passwordChanged': 'Password changed',
  'user.passwordReset': 'Password reset',
  'user.reactivated': 'User reactivated',
  'user.roleChanged': 'Role changed',
  'user.signedIn': 'Signed in',
  'user.signedOut': 'Signed out',
  'user.signInFailed': 'Sign-in failed',
  'user.ssoLinkApproved': 'Single sign-on link approved',
  'user.ssoLinked': 'Single sign-on identity linked',
  // Risk assessments (issue 12).
  'riskAssessment.recorded': 'Risk assessed',
  'riskAssessment.reviewOverdue': 'Risk review overdue',
  // Vendor reviews of publishers and registries (issue 12.1).
  'publisherAssessment.recorded': 'Publisher reviewed',
  'publisherAssessment.reviewOverdue': 'Publisher review overdue',
  'registryAssessment.recorded': 'Registry reviewed',
  'registryAssessment.reviewOverdue': 'Registry review overdue',
  // Auditor portal (issue 14): engagements, what auditors view and download, samples, PBC requests.
  'engagement.created': 'Audit created',
  'engagement.viewed': 'Audit page viewed',
  'engagement.downloaded': 'Audit file downloaded',
  'engagement.accessRefused': 'Audit access refused',
  'engagement.sampleDrawn': 'Audit sample drawn',
  'engagement.requestOpened': 'Audit request opened',
  'engagement.requestAnswered': 'Audit request answered',
  'engagement.requestFollowedUp': 'Audit request followed up',
  'engagement.requestAccepted': 'Audit request accepted',
  'user.pageViewed': 'Page viewed by an auditor',
  'inventory.exported': 'Inventory exported',
  // Compliance report and governance policy document (issue 13 points 4-5): every download.
  'complianceReport.downloaded': 'Compliance report downloaded',
  'governancePolicy.downloaded': 'Governance policy document downloaded',
  // Incident response and quarantine (issue 14.6).
  'incident.opened': 'Incident opened',
  'incident.stepDone': 'Incident playbook step done',
  'incident.statusChanged': 'Incident status changed',
  'incident.noted': 'Incident note added',
  'incident.linked': 'Record linked to an incident',
  'incident.ownerAlerted': 'Agent owner alerted of a quarantine',
  'toolQuarantine.placed': 'Tool quarantined by an incident',
  'toolQuarantine.lifted': 'Quarantine lifted',
  // Data flow maps (issue 12.2).
  'dataFlow.derived': 'Data flow map derived',
  'dataFlow.edited': 'Data flow map edited',
  'dataFlow.confirmed': 'Data flow map confirmed',
  // A version raised what the map was written for: ToolLedger redrafts it and asks for a review.
  'dataFlow.reopened': 'Data flow map reopened for review',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ACTION_LIST = Object.keys(AUDIT_ACTIONS) as AuditAction[];

/** The kinds of record the audit trail names (Prisma model names). */
export const AUDIT_ENTITY_TYPES = [
  'Agent',
  'Alert',
  'AllowlistEntry',
  'ApiKey',
  'AuditCheckpoint',
  'ChangeRequest',
  /** Invocation events (issue 11): the entity id is a seq range or the export's filter. */
  'InvocationEvent',
  'EvidencePack',
  'Policy',
  'PolicyException',
  'Publisher',
  'Registry',
  /** A sign-in attempt for an email that has no account: the attempted email is the entity id. */
  'SignIn',
  'SyncRun',
  'Tool',
  'ToolVersion',
  'User',
  // Risk assessments (issue 12).
  'RiskAssessment',
  // Vendor reviews (issue 12.1).
  'PublisherAssessment',
  'RegistryAssessment',
  /** Auditor portal (issue 14): every portal event names its engagement, so the trail filters to one audit. */
  'AuditEngagement',
  'Inventory',
  /** Issue 13 points 4-5: the entity id is the format (pdf, md) downloaded. */
  'ComplianceReport',
  'GovernancePolicy',
  // SIEM hand-off (issue 11.6) and event retention per environment (11.3): the entity id is the environment.
  'WebhookEndpoint',
  'EventRetentionSetting',
  // Incident response and quarantine (issue 14.6).
  'Incident',
  'ToolQuarantine',
  // Data flow maps (issue 12.2).
  'DataFlowMap',
] as const;

export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}
