import type { PrismaClient } from '@prisma/client';
import { hashPassword } from '@/lib/auth/password';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';
import { seedPolicies } from './seed-policies';
import { seedCatalog } from './seed-catalog';
import { seedApiKeys } from './seed-api-keys';
import { seedWorkflow } from './seed-workflow';
import { seedRisks } from './seed-risks';
import { seedVendors } from './seed-vendors';
import { seedInvocations } from './seed-invocations';
import { seedExceptions } from './seed-exceptions';
import { seedAudits } from './seed-audits';
import { seedGateway } from './seed-gateway';
import { seedMonitoring } from './seed-monitoring';
import { seedAlertWork } from './seed-alert-work';
import { seedEventRetention } from './seed-event-retention';
import { seedEvidencePacks } from './seed-evidence-packs';
import { seedIncidents } from './seed-incidents';
import { seedDataFlows } from './seed-data-flows';

/** Reference data every installation needs (default policies). Idempotent. */
export async function seedReferenceData(prisma: PrismaClient): Promise<void> {
  await seedPolicies(prisma);
}

/** Demo mode, first start: demo users for every role and a realistic catalogue. */
export async function seedDemoData(prisma: PrismaClient): Promise<void> {
  await seedReferenceData(prisma);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await prisma.$transaction(async (tx) => {
    for (const u of DEMO_USERS) {
      const user = await tx.user.create({ data: { ...u, passwordHash } });
      await recordAuditEvent(tx, SYSTEM_ACTOR, {
        action: 'user.created',
        entityType: 'User',
        entityId: user.id,
        after: { email: user.email, role: user.role, demo: true },
      });
    }
  });
  // Order matters: the catalogue comes in through a real registry sync, then keys and workflow refer to it.
  await seedCatalog(prisma);
  await seedApiKeys(prisma);
  await seedWorkflow(prisma);
  // Risk assessments (issue 12): after the workflow, which installs the tools they assess.
  await seedRisks(prisma);
  // Vendor reviews of publishers and registries (issue 12.1), one overdue.
  await seedVendors(prisma);
  // Invocation events (issue 11): decided by the enforcement API, reported through ingestion.
  await seedInvocations(prisma);
  // Invocation monitors (issue 11.4): a drift and a burst, explained, after the monitors run.
  await seedMonitoring(prisma);
  // The alert inbox at work (issue 11.5): two alerts assigned, with notes.
  await seedAlertWork(prisma);
  // Data flow maps (issue 12.2): derived from the catalogue and the reported use, some confirmed.
  await seedDataFlows(prisma);
  // Policy exceptions in every state, through the real workflow (issue 12.3).
  await seedExceptions(prisma);
  // Auditor portal (issue 14): an audit open to the demo auditor.
  await seedAudits(prisma);
  // The gateway quickstart (issue 15): an agent whose filesystem server runs behind toolledger-gateway.
  await seedGateway(prisma);
  // Invocation event retention per environment (issue 11.3).
  await seedEventRetention(prisma);
  // Evidence packs (issue 13): one queued for the demo audit; the pack runner builds it after start.
  await seedEvidencePacks(prisma);
  // Incident response (issue 14.6): one closed supply-chain incident with a lifted quarantine.
  await seedIncidents(prisma);
}
