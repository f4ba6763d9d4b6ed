import type { LeftOutServer } from '@/lib/domain/exports/types';

/** A file to download, and the servers left out of it (so a route can say so beside the file). */
export interface ExportFile {
  filename: string;
  contentType: string;
  body: string | Uint8Array;
  leftOut: LeftOutServer[];
}
