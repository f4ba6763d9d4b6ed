import { chainHash } from '@/lib/domain/hash-chain';

/** Every stored column of an invocation event but the chain links themselves. */
export interface ChainedEventContent {
  seq: bigint;
  receivedAt: Date;
  eventId: string;
  occurredAt: Date;
  agentName: string;
  agentId: string | null;
  toolName: string;
  toolId: string | null;
  toolVersion: string;
  toolVersionId: string | null;
  trustLevel: string | null;
  publisher: string | null;
  inputSchemaHash: string | null;
  outputSchemaHash: string | null;
  durationMs: number;
  inputSizeBytes: number | null;
  outputSizeBytes: number | null;
  permissionsUsed: string[];
  networkUsed: string | null;
  filesystemUsed: string | null;
  codeExecutionUsed: string | null;
  dataAccessUsed: string | null;
  dataClassification: string;
  resultStatus: string;
  approval: string;
  decisionId: string | null;
  apiKeyId: string | null;
}

/** What the hash covers: the columns above, picked by name so extra fields on a row do not count. */
export function eventHashContent(e: ChainedEventContent): ChainedEventContent {
  return {
    seq: e.seq,
    receivedAt: e.receivedAt,
    eventId: e.eventId,
    occurredAt: e.occurredAt,
    agentName: e.agentName,
    agentId: e.agentId,
    toolName: e.toolName,
    toolId: e.toolId,
    toolVersion: e.toolVersion,
    toolVersionId: e.toolVersionId,
    trustLevel: e.trustLevel,
    publisher: e.publisher,
    inputSchemaHash: e.inputSchemaHash,
    outputSchemaHash: e.outputSchemaHash,
    durationMs: e.durationMs,
    inputSizeBytes: e.inputSizeBytes,
    outputSizeBytes: e.outputSizeBytes,
    permissionsUsed: e.permissionsUsed,
    networkUsed: e.networkUsed,
    filesystemUsed: e.filesystemUsed,
    codeExecutionUsed: e.codeExecutionUsed,
    dataAccessUsed: e.dataAccessUsed,
    dataClassification: e.dataClassification,
    resultStatus: e.resultStatus,
    approval: e.approval,
    decisionId: e.decisionId,
    apiKeyId: e.apiKeyId,
  };
}

export function eventHash(prevHash: string, e: ChainedEventContent): string {
  return chainHash(prevHash, eventHashContent(e));
}
