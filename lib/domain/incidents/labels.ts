import type { IncidentLinkKind, IncidentScenario, IncidentSeverity, IncidentStatus } from '@prisma/client';

export type { IncidentLinkKind, IncidentScenario, IncidentSeverity, IncidentStatus };

export const INCIDENT_SCENARIOS = [
  'COMPROMISED_TOOL',
  'DATA_LEAKAGE',
  'UNAUTHORIZED_INSTALLATION',
  'SUPPLY_CHAIN_ATTACK',
] as const satisfies readonly IncidentScenario[];
export const INCIDENT_SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const satisfies readonly IncidentSeverity[];
export const INCIDENT_STATUSES = ['OPEN', 'CONTAINED', 'RECOVERED', 'CLOSED'] as const satisfies readonly IncidentStatus[];
export const INCIDENT_LINK_KINDS = [
  'TOOL',
  'VERSION',
  'AGENT',
  'ALERT',
  'INVOCATION',
] as const satisfies readonly IncidentLinkKind[];

export const SCENARIO_LABELS: Record<IncidentScenario, string> = {
  COMPROMISED_TOOL: 'Compromised tool',
  DATA_LEAKAGE: 'Data leakage through tool output',
  UNAUTHORIZED_INSTALLATION: 'Unauthorized installation',
  SUPPLY_CHAIN_ATTACK: 'Supply-chain attack',
};

export const SEVERITY_LABELS: Record<IncidentSeverity, string> = {
  LOW: 'Low',
  MEDIUM: 'Medium',
  HIGH: 'High',
  CRITICAL: 'Critical',
};

export const STATUS_LABELS: Record<IncidentStatus, string> = {
  OPEN: 'Open',
  CONTAINED: 'Contained',
  RECOVERED: 'Recovered',
  CLOSED: 'Closed',
};

export const LINK_KIND_LABELS: Record<IncidentLinkKind, string> = {
  TOOL: 'Tool',
  VERSION: 'Tool version',
  AGENT: 'Agent',
  ALERT: 'Alert',
  INVOCATION: 'Invocation event',
};

/** How an incident is named to people and to agents (enforcement reasons): INC-7. */
export const incidentRef = (number: number) => `INC-${number}`;
