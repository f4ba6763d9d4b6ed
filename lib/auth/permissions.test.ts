import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, ROLE_PERMISSIONS, rolesThatCan, type Permission } from './permissions';

const all = Object.entries(PERMISSIONS).flatMap(([r, actions]) => actions.map((a) => `${r}:${a}` as Permission));

describe('permission catalogue', () => {
  it('gives the auditor no permission that changes anything', () => {
    // engagement:request: their own samples, requests and comments in an audit (ADR 0010).
    const writes = ROLE_PERMISSIONS.AUDITOR.filter((p) => !/:(read|export|verify)$/.test(p));
    expect(writes).toEqual(['engagement:request']);
  });

  it('lets every role read every resource, except API keys for the auditor (ADR 0010)', () => {
    for (const role of Object.keys(ROLE_PERMISSIONS) as (keyof typeof ROLE_PERMISSIONS)[]) {
      for (const p of all.filter((x) => x.endsWith(':read')))
        expect(can(role, p), `${role} ${p}`).toBe(!(role === 'AUDITOR' && p === 'apiKey:read'));
    }
  });

  it.each([
    ['ADMIN', 'user:manage', true],
    ['ADMIN', 'policy:manage', true],
    ['COMPLIANCE_OFFICER', 'changeRequest:create', true],
    ['COMPLIANCE_OFFICER', 'exception:approve', false],
    ['COMPLIANCE_OFFICER', 'policy:manage', false],
    ['SECURITY_REVIEWER', 'exception:approve', true],
    ['SECURITY_REVIEWER', 'changeRequest:create', false],
    ['SECURITY_REVIEWER', 'apiKey:manage', false],
    ['AUDITOR', 'inventory:update', false],
    ['AUDITOR', 'changeRequest:review', false],
    ['AUDITOR', 'inventory:export', true],
    ['AUDITOR', 'allowlist:manage', false],
    ['COMPLIANCE_OFFICER', 'allowlist:manage', true],
    ['SECURITY_REVIEWER', 'allowlist:manage', false],
    ['ADMIN', 'allowlist:manage', true],
    ['SECURITY_REVIEWER', 'allowlist:approve', true],
    ['COMPLIANCE_OFFICER', 'allowlist:approve', false],
    ['AUDITOR', 'apiKey:read', false],
    ['AUDITOR', 'engagement:request', true],
    ['AUDITOR', 'engagement:manage', false],
    ['AUDITOR', 'engagement:answer', false],
    ['COMPLIANCE_OFFICER', 'engagement:manage', true],
    ['COMPLIANCE_OFFICER', 'engagement:answer', true],
    ['COMPLIANCE_OFFICER', 'engagement:request', false],
    ['SECURITY_REVIEWER', 'engagement:manage', false],
    ['COMPLIANCE_OFFICER', 'dataFlow:map', true],
    ['COMPLIANCE_OFFICER', 'dataFlow:confirm', true],
    ['SECURITY_REVIEWER', 'dataFlow:map', false],
    ['SECURITY_REVIEWER', 'dataFlow:confirm', true],
    ['AUDITOR', 'dataFlow:map', false],
    ['AUDITOR', 'dataFlow:confirm', false],
  ] as const)('%s %s → %s', (role, permission, expected) => {
    expect(can(role, permission)).toBe(expected);
  });

  it('lists only permissions that exist in the catalogue', () => {
    for (const perms of Object.values(ROLE_PERMISSIONS)) for (const p of perms) expect(all).toContain(p);
  });

  it('names who may work alerts (the assignees of issue 11.5): never the auditor', () => {
    expect(rolesThatCan('alert:manage')).toEqual(['ADMIN', 'COMPLIANCE_OFFICER', 'SECURITY_REVIEWER']);
    expect(rolesThatCan('alert:read')).toContain('AUDITOR');
  });
});
