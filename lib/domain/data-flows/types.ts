/**
 * The vocabulary of data flow maps (issue 12 point 2). Tables keyed by these unions make the
 * compiler ask for every class and destination kind wherever one is labelled or ranked.
 */
export const DATA_CLASSES = ['PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'PERSONAL', 'RESTRICTED'] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

export const DATA_CLASS_LABELS: Record<DataClass, string> = {
  PUBLIC: 'Public',
  INTERNAL: 'Internal',
  CONFIDENTIAL: 'Confidential',
  PERSONAL: 'Personal',
  RESTRICTED: 'Restricted',
};

/**
 * How much harm a leak does, for "the most sensitive class a map carries". Personal data ranks
 * above confidential business data (a leak is a privacy breach with notification duties) and
 * below restricted data (credentials, keys, regulated records).
 */
export const DATA_CLASS_RANK: Record<DataClass, number> = {
  PUBLIC: 0,
  INTERNAL: 1,
  CONFIDENTIAL: 2,
  PERSONAL: 3,
  RESTRICTED: 4,
};

export const DESTINATION_KINDS = ['RETURN_TO_AGENT', 'LOCAL_DISK', 'EXTERNAL_API', 'LOGS', 'CACHE'] as const;
export type DestinationKind = (typeof DESTINATION_KINDS)[number];

export const DESTINATION_LABELS: Record<DestinationKind, string> = {
  RETURN_TO_AGENT: 'Returned to the agent',
  LOCAL_DISK: 'Local disk',
  EXTERNAL_API: 'External API',
  LOGS: 'Logs',
  CACHE: 'Cache',
};

/** Whether data sent there leaves the company's environment (the subprocessor test). */
export const LEAVES_ENVIRONMENT: Record<DestinationKind, boolean> = {
  RETURN_TO_AGENT: false,
  LOCAL_DISK: false,
  EXTERNAL_API: true,
  LOGS: false,
  CACHE: false,
};

/** One field the tool receives. `needed`: the tool requires it to do its job (data minimization). */
export interface DataFlowInput {
  name: string;
  classification: DataClass;
  needed: boolean;
}

/** Where the data goes. `host` names the external API (required there, absent elsewhere). */
export interface DataFlowDestination {
  kind: DestinationKind;
  host?: string | null;
  note?: string;
}

/** The content of one version of a map, whoever wrote it. */
export interface DataFlowContent {
  inputs: DataFlowInput[];
  processing: string;
  destinations: DataFlowDestination[];
  retention: string;
}

/** Why the derivation proposed a part of the map (shown beside the draft). */
export interface DerivationReason {
  subject: string;
  reason: string;
}

export function isDataClass(value: unknown): value is DataClass {
  return typeof value === 'string' && (DATA_CLASSES as readonly string[]).includes(value);
}

export function isDestinationKind(value: unknown): value is DestinationKind {
  return typeof value === 'string' && (DESTINATION_KINDS as readonly string[]).includes(value);
}
