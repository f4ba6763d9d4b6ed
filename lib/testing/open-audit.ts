import type { PrismaClient } from '@prisma/client';

/**
 * Test-only: an audit open to this auditor over all time and every environment, so reads as an
 * auditor see everything (the pages outside the portal are scoped to the auditor's open audits,
 * ADR 0010). The auditor's account is created when the test's actor has none.
 */
export async function openAuditFor(db: PrismaClient, auditor: { id: string; label?: string }): Promise<string> {
  await db.user.upsert({
    where: { id: auditor.id },
    create: { id: auditor.id, email: auditor.label ?? `${auditor.id}@open-audit.test`, name: auditor.id, role: 'AUDITOR' },
    update: {},
  });
  const admin = await db.user.upsert({
    where: { email: 'open-audit-admin@open-audit.test' },
    create: { email: 'open-audit-admin@open-audit.test', name: 'Open audit admin', role: 'ADMIN' },
    update: {},
  });
  const always = { from: new Date('2000-01-01T00:00:00Z'), to: new Date('2100-01-01T00:00:00Z') };
  const e = await db.auditEngagement.create({
    data: {
      name: `Open audit for ${auditor.id}`,
      firm: 'Test firm',
      periodStart: always.from,
      periodEnd: always.to,
      environments: ['PRODUCTION', 'STAGING', 'DEVELOPMENT'],
      criteria: ['CC8.1'],
      accessOpensAt: always.from,
      accessClosesAt: always.to,
      createdById: admin.id,
      auditors: { create: [{ userId: auditor.id }] },
    },
  });
  return e.id;
}
