import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAgent, createInstallation, createPublisher, createRegistry, createTool, newId } from '@/lib/testing/factories';
import { pdfPageCount, pdfText, pdfTitle } from '@/lib/testing/pdf-text';
import { withTestDatabase } from '@/lib/testing/test-database';
import type { Actor } from '@/lib/server/actor';
import { downloadComplianceReportPdf } from './download-compliance-report-pdf';
import { downloadGovernancePolicy } from './download-governance-policy';
import { getComplianceReport } from './get-compliance-report';
import { getGovernancePolicy } from './get-governance-policy';
import { readAll } from './pdf-stream';
import { COMPLIANCE_REPORT_BATCH } from './compliance-report-batches';
import { complianceReportSection } from '@/lib/server/evidence/sections/compliance-report';
import { governancePolicySection } from '@/lib/server/evidence/sections/governance-policy';

const t = withTestDatabase();
const officer: Actor = { type: 'USER', id: 'u-officer', label: 'officer@example.test', role: 'COMPLIANCE_OFFICER' };
const now = new Date('2026-06-01T12:00:00Z');
const DAY = 86_400_000;

const ctx = () => ({ db: t.db().prisma, now });

describe('compliance report', () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const db = t.db().prisma;
    const reg = await createRegistry(db);
    const pub = await createPublisher(db, { registryId: reg.id });
    const assessor = await db.user.create({
      data: { email: 'assessor@example.test', name: 'Assessor', role: 'COMPLIANCE_OFFICER' },
    });
    const [prod, prod2, staging, dev] = await Promise.all([
      createAgent(db, { environment: 'PRODUCTION' }),
      createAgent(db, { environment: 'PRODUCTION' }),
      createAgent(db, { environment: 'STAGING' }),
      createAgent(db, { environment: 'DEVELOPMENT' }),
    ]);
    const parser = await createTool(db, {
      registryId: reg.id,
      publisherId: pub.id,
      name: 'alpha-parser',
      versions: [
        { version: '1.0.0', score: 95 },
        {
          version: '2.0.0',
          score: 60,
          permissions: { network: 'EXTERNAL', filesystem: 'READ', codeExecution: 'NONE', dataAccess: 'READ' },
        },
      ],
    });
    const unused = await createTool(db, { registryId: reg.id, publisherId: pub.id, name: 'beta-unused' });
    const devOnly = await createTool(db, {
      registryId: reg.id,
      publisherId: pub.id,
      name: 'gamma-dev',
      versions: [{ version: '0.1.0', score: null }],
    });
    const [v1, v2] = parser.versions;
    ids.v1 = v1!.id;
    ids.v2 = v2!.id;
    ids.parser = parser.tool.id;
    await createInstallation(db, { agentId: prod.id, toolVersionId: v2!.id });
    await createInstallation(db, { agentId: prod2.id, toolVersionId: v2!.id });
    await createInstallation(db, { agentId: staging.id, toolVersionId: v1!.id });
    await createInstallation(db, { agentId: dev.id, toolVersionId: devOnly.versions[0]!.id });
    // Not in use: revoked, or only requested.
    await createInstallation(db, { agentId: dev.id, toolVersionId: unused.versions[0]!.id, state: 'REVOKED' });
    await createInstallation(db, { agentId: staging.id, toolVersionId: v2!.id, state: 'REQUESTED' });
    const exception = (over: object) => ({
      rules: ['min-tier'],
      toolId: parser.tool.id,
      environment: 'PRODUCTION' as const,
      justification: 'needed',
      compensatingControls: 'egress proxy',
      remediationPlan: 'upgrade',
      remediationDate: new Date(now.getTime() + 20 * DAY),
      expiresAt: new Date(now.getTime() + 30 * DAY),
      status: 'APPROVED' as const,
      requestedById: 'someone',
      ...over,
    });
    ids.exception = (await db.policyException.create({ data: exception({ toolVersionId: v2!.id }) })).id;
    // Expired, and one only requested: neither covers anything.
    await db.policyException.create({ data: exception({ expiresAt: new Date(now.getTime() - DAY) }) });
    await db.policyException.create({ data: exception({ status: 'REQUESTED' }) });
    const assess = (residual: [number, number], assessedAt: Date, previousId?: string) =>
      db.riskAssessment.create({
        data: {
          toolId: parser.tool.id,
          likelihood: 4,
          impact: 4,
          inherentScore: 16,
          controls: 'sandbox',
          residualLikelihood: residual[0],
          residualImpact: residual[1],
          residualScore: residual[0] * residual[1],
          treatment: 'MITIGATE',
          owner: 'platform',
          assessorId: assessor.id,
          assessedAt,
          nextReviewAt: new Date(now.getTime() + 60 * DAY),
          suggestion: {},
          previousId,
        },
      });
    const first = await assess([4, 5], new Date(now.getTime() - 60 * DAY));
    await assess([3, 3], new Date(now.getTime() - 10 * DAY), first.id);
  });

  it('lists each version in use with its verification, tier, permissions, exceptions and current risk', async () => {
    const r = await getComplianceReport({ actor: officer, input: {} }, ctx());
    expect(r.rows.map((x) => `${x.toolName} ${x.version}`)).toEqual([
      'alpha-parser 1.0.0',
      'alpha-parser 2.0.0',
      'gamma-dev 0.1.0',
    ]);
    const v2 = r.rows.find((x) => x.toolVersionId === ids.v2)!;
    expect(v2).toMatchObject({ environments: ['PRODUCTION'], agents: 2, tier: 'PARTIAL', trustScore: 60, network: 'EXTERNAL' });
    expect(v2.exceptions.map((e) => e.id)).toEqual([ids.exception]);
    // The reassessment replaced the first assessment: its residual score stands.
    expect(v2.risk).toMatchObject({ residualScore: 9, band: 'MEDIUM', treatment: 'MITIGATE', overdue: false });
    expect(r.rows.find((x) => x.toolVersionId === ids.v1)!.exceptions).toEqual([]);
    expect(r.totals).toMatchObject({ tools: 2, versions: 3, exceptions: 1, versionsUnderException: 1, unassessed: 1 });
    expect(r.totals.byEnvironment).toEqual({ PRODUCTION: 1, STAGING: 1, DEVELOPMENT: 1 });
  });

  it('filters by environment', async () => {
    const r = await getComplianceReport({ actor: officer, input: { environment: 'STAGING' } }, ctx());
    expect(r.rows.map((x) => x.toolVersionId)).toEqual([ids.v1]);
    expect(r.totals.tools).toBe(1);
  });

  it('pages rows but totals every row', async () => {
    const r = await getComplianceReport({ actor: officer, input: { page: 2, pageSize: 2 } }, ctx());
    expect(r.rows.map((x) => x.toolName)).toEqual(['gamma-dev']);
    expect(r.total).toBe(3);
    expect(r.totals.versions).toBe(3);
  });

  it('refuses bad input with a field error, and a caller without the permission', async () => {
    await expect(getComplianceReport({ actor: officer, input: { environment: 'MOON' as never } }, ctx())).rejects.toMatchObject({
      status: 400,
    });
    const agent: Actor = { type: 'API_KEY', id: 'k', label: 'key', scopes: ['READ'], agentId: null };
    await expect(getComplianceReport({ actor: agent, input: {} }, ctx())).rejects.toMatchObject({ status: 403 });
  });

  it('downloads a PDF whose text holds the header, the filter, the rows and page numbers, and audits it', async () => {
    const { body, filename } = await downloadComplianceReportPdf({ actor: officer, input: { environment: 'PRODUCTION' } }, ctx());
    expect(filename).toBe('toolledger-compliance-report-production-2026-06-01.pdf');
    const pdf = await readAll(body);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Compliance report:');
    expect(text).toContain('Generated 2026-06-01T12:00:00.000Z');
    expect(text).toContain('Filter: Environment: Production');
    expect(text).toContain('alpha-parser 2.0.0');
    expect(text).not.toContain('alpha-parser 1.0.0');
    expect(text).toContain('min-tier (Production, to 2026-07-01)');
    expect(text).toContain('9 Medium, Mitigate');
    expect(text).toContain('Page 1');
    expect(pdfTitle(pdf)).toMatch(/^Compliance report: /);
    const audit = await t
      .db()
      .prisma.auditEvent.findFirst({ where: { action: 'complianceReport.downloaded' }, orderBy: { seq: 'desc' } });
    expect(audit).toMatchObject({ actorId: officer.id, entityType: 'ComplianceReport', entityId: 'pdf' });
    expect(audit!.after).toMatchObject({ filter: { environment: 'PRODUCTION' }, tools: 1, versions: 1 });
  });

  it('paginates a long report, repeating page numbers, in batches', async () => {
    const db = t.db().prisma;
    const reg = await createRegistry(db);
    const pub = await createPublisher(db, { registryId: reg.id });
    const agent = await createAgent(db, { environment: 'DEVELOPMENT' });
    const many = COMPLIANCE_REPORT_BATCH + 30;
    // More than one batch, inserted in bulk (the factories would take a minute).
    const tools = Array.from({ length: many }, (_, i) => ({ id: newId(), name: `zz-bulk-${String(i).padStart(4, '0')}` }));
    const versions = tools.map((tool) => ({ id: newId(), toolId: tool.id, version: '1.0.0' }));
    await db.tool.createMany({ data: tools.map((x) => ({ ...x, registryId: reg.id, publisherId: pub.id, externalId: x.name })) });
    await db.toolVersion.createMany({ data: versions });
    await db.installation.createMany({
      data: versions.map((v) => ({
        agentId: agent.id,
        toolVersionId: v.id,
        toolId: v.toolId,
        environment: 'DEVELOPMENT' as const,
        state: 'ACTIVE' as const,
      })),
    });
    const { body } = await downloadComplianceReportPdf({ actor: officer, input: { environment: 'DEVELOPMENT' } }, ctx());
    const pdf = await readAll(body);
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(5);
    const text = pdfText(pdf);
    expect(text).toContain(`Page ${pages}`);
    expect(text).toContain('zz-bulk-0000 1.0.0');
    expect(text).toContain(`zz-bulk-${String(many - 1).padStart(4, '0')} 1.0.0`);
    // The column header is repeated on every page.
    expect(text.split('Tool and version').length - 1).toBe(pages);
  }, 120_000);
});

describe('governance policy document', () => {
  beforeAll(async () => {
    const db = t.db().prisma;
    await db.policy.create({
      data: {
        environment: 'PRODUCTION',
        version: 1,
        minTier: 'GOLD',
        maxNetwork: 'INTERNAL',
        maxFilesystem: 'READ',
        maxCodeExecution: 'NONE',
        maxDataAccess: 'READ',
        maxExceptionDays: 30,
        changeNote: 'tight production',
      },
    });
    await db.registry.create({
      data: { name: 'Approved AgentNode', kind: 'AGENTNODE', baseUrl: 'https://agentnode.example.test' },
    });
  });

  it('is generated from the policies in force, naming their versions and ids', async () => {
    const doc = await getGovernancePolicy({ actor: officer, input: {} }, ctx());
    const prod = await t.db().prisma.policy.findFirstOrThrow({ where: { environment: 'PRODUCTION' } });
    expect(doc.versionLabel).toBe('PRODUCTION v1 · STAGING v0 · DEVELOPMENT v0');
    expect(doc.markdown).toContain(`| Production | 1 | ${prod.id} |`);
    expect(doc.markdown).toContain('| Production | internal | read | none | read |');
    expect(doc.markdown).toContain('| Production | 30 days |');
    expect(doc.markdown).toContain('- Approved AgentNode (AGENTNODE, https://agentnode.example.test)');
    expect(doc.markdown).toContain('Permission escalation');
  });

  it('downloads Markdown and PDF of the same version, each an audit event', async () => {
    const md = await downloadGovernancePolicy({ actor: officer, input: { format: 'md' } }, ctx());
    expect(typeof md.body).toBe('string');
    expect(md.filename).toMatch(/^toolledger-governance-policy-2026-06-01-[0-9a-f]{12}\.md$/);
    const pdf = await downloadGovernancePolicy({ actor: officer, input: { format: 'pdf' } }, ctx());
    expect(pdf.sha256).toBe(md.sha256);
    const bytes = await readAll(pdf.body as ReadableStream<Uint8Array>);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain(`Markdown SHA-256: ${md.sha256}`);
    expect(text).toContain('Agent tool governance policy');
    expect(text).toContain('Permission limits');
    expect(pdfTitle(bytes)).toMatch(/^Agent tool governance policy: /);
    const events = await t
      .db()
      .prisma.auditEvent.findMany({ where: { action: 'governancePolicy.downloaded' }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => [e.actorId, e.entityId])).toEqual([
      [officer.id, 'md'],
      [officer.id, 'pdf'],
    ]);
    expect(events[0]!.after).toMatchObject({ sha256: md.sha256, versions: 'PRODUCTION v1 · STAGING v0 · DEVELOPMENT v0' });
  });

  it('refuses an unknown format', async () => {
    await expect(downloadGovernancePolicy({ actor: officer, input: { format: 'docx' as never } }, ctx())).rejects.toMatchObject({
      status: 400,
    });
  });
});

describe('evidence pack sections', () => {
  const scope = (to: Date) => ({ from: new Date('2026-01-01T00:00:00Z'), to, environments: [], toolIds: [] });

  it('writes the compliance report of the versions installed before the period end, with totals', async () => {
    const db = t.db().prisma;
    const rows = [];
    for await (const r of complianceReportSection.rows({ db, scope: scope(new Date('2100-01-01T00:00:00Z')) })) rows.push(r);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows[0]).toMatchObject({ toolName: 'alpha-parser', version: '1.0.0', environments: 'STAGING' });
    expect(Object.keys(rows[0]!)).toEqual([...complianceReportSection.columns]);
    const summary = await complianceReportSection.summary!({ db, scope: scope(new Date('2100-01-01T00:00:00Z')) });
    expect(summary).toMatchObject({ versions: rows.length });
    const before = [];
    for await (const r of complianceReportSection.rows({ db, scope: scope(new Date('2000-01-01T00:00:00Z')) })) before.push(r);
    expect(before).toEqual([]);
  });

  it('writes the governance document of the policies in force at the period end', async () => {
    const db = t.db().prisma;
    const atEnd = await governancePolicySection.document({ db, scope: scope(new Date('2100-01-01T00:00:00Z')) });
    expect(atEnd).toMatchObject({ versions: 'PRODUCTION v1 · STAGING v0 · DEVELOPMENT v0' });
    expect(atEnd.markdown).toContain('| Production | internal | read | none | read |');
    expect(atEnd.sha256).toBe(createHash('sha256').update(String(atEnd.markdown)).digest('hex'));
    // One document per environment beside the JSON, named after the policy version it states.
    expect(atEnd.documents).toContainEqual(
      expect.objectContaining({ environment: 'PRODUCTION', version: 1, markdown: 'governance/policy-production-v1.md' }),
    );
    const files = await governancePolicySection.attachments!({ db, scope: scope(new Date('2100-01-01T00:00:00Z')) });
    expect(files.map((f) => f.path)).toEqual(
      ['production-v1', 'staging-v0', 'development-v0'].flatMap((n) => [
        `governance/policy-${n}.md`,
        `governance/policy-${n}.pdf`,
      ]),
    );
    expect(files[0]!.body).toContain('Document version: PRODUCTION v1.');
    // Before the production policy was saved, the defaults were in force.
    const earlier = await governancePolicySection.document({ db, scope: scope(new Date('2000-01-01T00:00:00Z')) });
    expect(earlier).toMatchObject({ versions: 'PRODUCTION v0 · STAGING v0 · DEVELOPMENT v0' });
  });
});
