import { describe, expect, it } from 'vitest';
import { npmRevision, rememberedValidators, validatorsToKeep } from './npm-validators';
import type { NormalizedTool } from './types';

const URL_A = 'https://registry.example.test/npm/left-pad';
const REV = npmRevision({ maxVersions: 20, provenanceWindow: 3 });

function tool(signals: string[] = []): NormalizedTool {
  return {
    externalId: 'left-pad',
    name: 'left-pad',
    kind: 'TOOL_PACKAGE',
    publisher: { externalId: 'npm:someone', name: 'someone', trustLevel: 'UNVERIFIED' },
    versions: [
      {
        version: '1.0.0',
        permissions: { network: 'NONE', filesystem: 'NONE', codeExecution: 'NONE', dataAccess: 'NONE' },
        riskSignals: signals.map((key) => ({ key, label: key, severity: 'medium' as const })),
        verifications: [],
      },
    ],
  };
}

describe('npm validators', () => {
  it('keeps the ETag and Last-Modified of a packument answer', () => {
    const headers = new Headers({ etag: 'W/"abc"', 'last-modified': 'Tue, 01 Dec 2026 10:00:00 GMT' });
    expect(validatorsToKeep(URL_A, headers, tool(['single-maintainer']), REV)).toEqual({
      rev: REV,
      urls: [{ url: URL_A, etag: 'W/"abc"', lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT' }],
    });
    expect(validatorsToKeep(URL_A, new Headers(), tool(), REV)).toBeNull();
  });

  it('keeps none while a "recent publish" signal stands: it lapses with time, a 304 would keep it', () => {
    expect(validatorsToKeep(URL_A, new Headers({ etag: '"x"' }), tool(['recent-publish']), REV)).toBeNull();
  });

  it('asks with remembered validators only for the same address and the same reading', () => {
    const kept = { rev: REV, urls: [{ url: URL_A, etag: '"x"' }] };
    expect(rememberedValidators(kept, URL_A, REV)).toEqual({ url: URL_A, etag: '"x"' });
    expect(rememberedValidators(undefined, URL_A, REV)).toBeNull();
    expect(rememberedValidators(kept, 'https://other.example.test/npm/left-pad', REV)).toBeNull();
    expect(rememberedValidators(kept, URL_A, npmRevision({ maxVersions: 5, provenanceWindow: 3 }))).toBeNull();
    expect(rememberedValidators({ rev: REV, urls: [{ url: URL_A }] }, URL_A, REV)).toBeNull();
  });
});
