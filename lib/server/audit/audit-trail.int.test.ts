import { describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/lib/testing/test-database';
import { getPrisma } from '@/lib/db/client';
import { recordAuditEvent } from './record-audit-event';
import { verifyAuditChain } from './verify-audit-chain';
import { SYSTEM_ACTOR } from '@/lib/server/actor';

const t = withTestDatabase();

describe('audit trail', () => {
  it('chains records and verifies the chain', async () => {
    const prisma = await getPrisma();
    for (let i = 0; i < 5; i++) {
      await prisma.$transaction((tx) =>
        recordAuditEvent(tx, SYSTEM_ACTOR, {
          action: 'tool.synced',
          entityType: 'Tool',
          entityId: String(i),
          before: { n: i },
          after: { n: i + 1, at: new Date() },
        }),
      );
    }
    const report = await verifyAuditChain({ actor: SYSTEM_ACTOR, input: { batchSize: 2 } });
    expect(report).toMatchObject({ ok: true, checked: 5 });
  });

  it('is append-only in the database itself', async () => {
    const db = t.db();
    await expect(db.exec(`UPDATE "AuditEvent" SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(db.exec(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(db.exec(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
  });

  it('detects a record changed behind the trigger', async () => {
    const db = t.db();
    // Someone with the rights to disable triggers edits history: the chain check must notice.
    await db.exec(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only";
      UPDATE "AuditEvent" SET after = '{"n": 999}' WHERE "entityId" = '2';
      ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only";`);
    const report = await verifyAuditChain({ actor: SYSTEM_ACTOR, input: {} });
    expect(report.ok).toBe(false);
    expect(report.break?.kind).toBe('hash-mismatch');
  });

  it('rolls the record back with the change it describes', async () => {
    const prisma = await getPrisma();
    const before = await prisma.auditEvent.count();
    await expect(
      prisma.$transaction(async (tx) => {
        await recordAuditEvent(tx, SYSTEM_ACTOR, { action: 'tool.synced', entityType: 'Tool', entityId: 'x' });
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    expect(await prisma.auditEvent.count()).toBe(before);
  });
});
