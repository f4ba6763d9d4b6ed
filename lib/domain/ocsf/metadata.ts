/**
 * OCSF (Open Cybersecurity Schema Framework) 1.3.0: the schema version every record we emit names
 * in `metadata.version`. A SIEM's OCSF parser picks the class from `class_uid` and checks
 * attributes against this version.
 */
export const OCSF_VERSION = '1.3.0';

export const OCSF_PRODUCT = { name: 'ToolLedger', vendor_name: 'ToolLedger' } as const;

/** OCSF severity_id: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical. */
export type OcsfSeverityId = 1 | 2 | 3 | 4 | 5;

export const OCSF_SEVERITY_NAME: Record<OcsfSeverityId, string> = {
  1: 'Informational',
  2: 'Low',
  3: 'Medium',
  4: 'High',
  5: 'Critical',
};

/** OCSF timestamps are milliseconds since the epoch. */
export const ocsfTime = (iso: string | Date): number => (typeof iso === 'string' ? Date.parse(iso) : iso.getTime());
