import { describe, expect, it } from 'vitest';
import { alertKindLabel } from './alert-kinds';

describe('alertKindLabel', () => {
  it.each([
    ['digest-changed', 'Artifact changed under the same version'],
    ['exception-expiring', 'Policy exception expiring soon'],
    ['invocation-unapproved-use', 'Tool used without approval'],
    ['some-new_kind', 'Some new kind'],
    ['', ''],
  ])('%s → %s', (kind, label) => {
    expect(alertKindLabel(kind)).toBe(label);
  });
});
