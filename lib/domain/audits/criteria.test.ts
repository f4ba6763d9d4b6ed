import { describe, expect, it } from 'vitest';
import { AUDIT_CRITERIA } from './populations';
import { controlForCriterion, populationsForCriterion } from './criteria';

describe('criterion workspace rules', () => {
  it('names the populations behind a criterion from the population table', () => {
    expect(populationsForCriterion('CC8.1')).toEqual(['changeRequests', 'approvals', 'installations']);
    expect(populationsForCriterion('CC6.1')).toEqual(['installations', 'enforcementDenies']);
    expect(populationsForCriterion('CC1.1')).toEqual([]);
  });

  it('finds the controls map entry, or null for a criterion the map does not cover', () => {
    expect(controlForCriterion('CC8.1')?.evidence).toContain('change-requests');
    expect(controlForCriterion('CC1.1')).toBeNull();
  });

  it('every criterion an audit may scope has records behind it', () => {
    for (const c of AUDIT_CRITERIA) expect(populationsForCriterion(c).length, c).toBeGreaterThan(0);
  });
});
