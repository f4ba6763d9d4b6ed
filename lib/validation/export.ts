import { z } from 'zod';
import { zText } from './text';

const ENVIRONMENT = z.enum(['PRODUCTION', 'STAGING', 'DEVELOPMENT'], {
  error: 'Environment must be PRODUCTION, STAGING or DEVELOPMENT',
});

/** One environment's exports (page and downloads). */
export const ZExportEnvironmentInput = z.object({ environment: ENVIRONMENT });
export type TExportEnvironmentInput = z.infer<typeof ZExportEnvironmentInput>;

/** The exports page's address: which environment it shows, production unless it says otherwise. */
export const ZExportsPageQuery = z.object({ environment: ENVIRONMENT.default('PRODUCTION') });

/** One ToolHive profile file of one environment, by the file name the page and archive show. */
export const ZToolHiveProfileInput = z.object({
  environment: ENVIRONMENT,
  file: zText({ error: 'Name the profile file (server=…)' })
    .trim()
    .regex(/^[a-z0-9_-]+-[A-Za-z0-9._-]+\.json$/, 'Not a profile file name of this export')
    .max(300, 'Not a profile file name of this export'),
});
export type TToolHiveProfileInput = z.infer<typeof ZToolHiveProfileInput>;

/** GET /api/changes/export/{format}: the download formats. */
export const ZExportDownloadFormat = z.enum(['claude-code', 'toolhive', 'toolhive-profile'], {
  error: 'Format must be claude-code, toolhive or toolhive-profile',
});
