import type { Environment, PrismaClient } from '@prisma/client';
import type { EvidenceKind } from '@/lib/domain/controls';

/** What a pack covers: [from, to) in UTC, and optionally some environments and tools only. */
export interface PackScope {
  from: Date;
  /** Exclusive: the day after the period's last day. */
  to: Date;
  /** Empty = all. */
  environments: Environment[];
  toolIds: string[];
}

export interface SectionContext {
  db: PrismaClient;
  scope: PackScope;
  /** Aborted when the build is cancelled; long sections check it between pages. */
  signal?: AbortSignal;
  /** The pack's generation time, for documents that print it (the governance policy PDF). */
  generatedAt?: Date;
}

/** A file a document section adds beside its JSON (e.g. the governance policy as .md and .pdf). */
export interface SectionAttachment {
  /** Path inside the pack. */
  path: string;
  body: string | ReadableStream<Uint8Array>;
}

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell | unknown[] | Record<string, unknown>>;

/**
 * One evidence section of the pack: a kind of record, its columns, and its rows streamed in a
 * stable order (the same data always gives the same bytes). A later kind of record joins the
 * pack by adding one such module to ./index.ts and flipping `kept` in lib/domain/controls.
 */
export interface TableSection {
  kind: EvidenceKind;
  shape: 'table';
  columns: readonly string[];
  rows(ctx: SectionContext): AsyncIterable<Row>;
  /** Totals written after the records in the JSON file (e.g. allow/deny counts). */
  summary?(ctx: SectionContext): Promise<Record<string, unknown>>;
}

/** A section that is one document rather than a list of records (the audit chain check). */
export interface DocumentSection {
  kind: EvidenceKind;
  shape: 'document';
  document(ctx: SectionContext): Promise<Record<string, unknown>>;
  /** Files written beside the JSON, listed in the manifest and the control matrix under this kind. */
  attachments?(ctx: SectionContext): Promise<SectionAttachment[]>;
}

export type EvidenceSection = TableSection | DocumentSection;
