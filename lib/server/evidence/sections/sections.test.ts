import { describe, expect, it } from 'vitest';
import { EVIDENCE_KINDS } from '@/lib/domain/controls';
import { EVIDENCE_SECTIONS } from './index';

describe('evidence sections', () => {
  it('writes exactly the kinds the controls map says are kept, each once', () => {
    const written = EVIDENCE_SECTIONS.map((s) => s.kind);
    expect(new Set(written).size).toBe(written.length);
    expect([...written].sort()).toEqual(
      EVIDENCE_KINDS.filter((k) => k.kept)
        .map((k) => k.kind)
        .sort(),
    );
  });

  it('writes the files each kind promises (table: CSV and JSON; document: JSON)', () => {
    for (const s of EVIDENCE_SECTIONS) {
      const files = EVIDENCE_KINDS.find((k) => k.kind === s.kind)!.files;
      expect(files, s.kind).toEqual(
        s.shape === 'table' ? [`evidence/${s.kind}.csv`, `evidence/${s.kind}.json`] : [`evidence/${s.kind}.json`],
      );
    }
  });
});
