import { describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { GENESIS_HASH } from '@/lib/domain/hash-chain';
import { SYSTEM_ACTOR, type Actor } from '@/lib/server/actor';
import { eventLine } from '@/lib/testing/invocation-world';
import { withTestDatabase } from '@/lib/testing/test-database';
import { INVOCATION_CHAIN_LOCK, invocationChainHead } from './chain-head';
import { ingestInvocationEvents } from './ingest-invocation-events';
import { chainDraftRows, COPY_INVOCATION_EVENTS, draftRow, type EventContent } from './invocation-rows';
import { verifyInvocationChain } from './verify-invocation-chain';

// The rows go in with COPY (PostgreSQL: FROM STDIN; PGlite: the same statement read from a blob),
// so every value crosses COPY's text format: these read back exactly as hashed, and verify.
withTestDatabase();
const auditor: Actor = { type: 'USER', id: 'auditor', label: 'auditor@test', role: 'AUDITOR' };
const receivedAt = new Date();

const tricky: EventContent[] = [
  {
    receivedAt,
    eventId: 'copy-1',
    occurredAt: new Date(receivedAt.getTime() - 1234),
    agentName: 'tab\there, line\nbreak, return\r, backslash \\ and \\N and \\.',
    agentId: null,
    toolName: 'ünïcödé 中文 🚀 "quoted" \'single\'',
    toolId: null,
    toolVersion: '1.0.0-rc.1+build',
    toolVersionId: null,
    trustLevel: null,
    publisher: '',
    inputSchemaHash: `sha256:${'ab'.repeat(32)}`,
    outputSchemaHash: null,
    durationMs: 0,
    inputSizeBytes: 2 ** 31 - 1,
    outputSizeBytes: null,
    permissionsUsed: ['NULL', '', 'a,b', '{c}', 'say "hi"', 'back\\slash', 'tab\tnew\nline', ' spaced '],
    networkUsed: 'EXTERNAL',
    filesystemUsed: null,
    codeExecutionUsed: 'UNRESTRICTED',
    dataAccessUsed: 'READ_WRITE',
    dataClassification: 'RESTRICTED',
    resultStatus: 'TIMEOUT',
    approval: 'UNKNOWN_SUBJECT',
    decisionId: null,
    apiKeyId: null,
  },
  {
    receivedAt,
    eventId: 'copy-2',
    occurredAt: new Date('2026-01-31T23:59:59.999Z'),
    agentName: 'plain-agent',
    agentId: 'agent-id',
    toolName: 'plain-tool',
    toolId: 'tool-id',
    toolVersion: '2.0.0',
    toolVersionId: 'version-id',
    trustLevel: 'gold',
    publisher: 'verified-publisher',
    inputSchemaHash: null,
    outputSchemaHash: `sha256:${'cd'.repeat(32)}`,
    durationMs: 86_400_000,
    inputSizeBytes: null,
    outputSizeBytes: 0,
    permissionsUsed: [],
    networkUsed: 'NONE',
    filesystemUsed: 'WRITE',
    codeExecutionUsed: null,
    dataAccessUsed: null,
    dataClassification: 'PUBLIC',
    resultStatus: 'SUCCESS',
    approval: 'ALLOWED',
    decisionId: 'decision-id',
    apiKeyId: 'key-id',
  },
];

async function copyRows(rows: EventContent[], head: { seq: bigint; hash: string }, data?: string) {
  const prisma = await getPrisma();
  await prisma.$queryRawUnsafe(`SELECT toolledger_invocation_partition_ensure($1::timestamp)`, receivedAt.toISOString());
  return prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${INVOCATION_CHAIN_LOCK})`);
    const chained = chainDraftRows(rows.map(draftRow), head);
    return { chained, copied: await tx.$executeRawUnsafe(COPY_INVOCATION_EVENTS, data ?? chained.data) };
  });
}

describe('invocation events written with COPY', () => {
  it('refuses a bad row without keeping any row of the batch', async () => {
    const bad = chainDraftRows(tricky.map(draftRow), { seq: 1n, hash: GENESIS_HASH }).data.replace('\tALLOWED\t', '\tMAYBE\t');
    await expect(copyRows(tricky, { seq: 1n, hash: GENESIS_HASH }, bad)).rejects.toThrow(/MAYBE/);
    expect(await (await getPrisma()).invocationEvent.count()).toBe(0);
  });

  it('stores every value exactly as hashed, seq past 2^53 included, and the chain verifies', async () => {
    const head = { seq: 9_007_199_254_740_990n, hash: GENESIS_HASH };
    const { chained, copied } = await copyRows(tricky, head);
    expect(copied).toBe(2);
    const stored = await (await getPrisma()).invocationEvent.findMany({ orderBy: { seq: 'asc' } });
    expect(stored).toEqual([
      { ...tricky[0], seq: 9_007_199_254_740_991n, prevHash: GENESIS_HASH, hash: stored[0]!.hash },
      { ...tricky[1], seq: 9_007_199_254_740_992n, prevHash: stored[0]!.hash, hash: chained.lastHash },
    ]);
    expect(await verifyInvocationChain({ actor: auditor, input: {} })).toMatchObject({
      ok: true,
      checked: 2,
      lastSeq: '9007199254740992',
      anchor: { kind: 'genesis' },
    });
  });

  it('continues the chain from the API with names COPY must escape, and verifies', async () => {
    const agent = 'ops\\agent "quoted" ünï 🚀';
    const body = [
      eventLine({ event_id: 'api-1', agent_id: agent, tool_name: '{braces}, commas', permissions_used: ['network:none'] }),
      eventLine({ event_id: 'api-2', agent_id: agent, tool_publisher: 'pub\\lisher', tool_trust_level: undefined }),
    ].join('\n');
    const out = await ingestInvocationEvents({ actor: SYSTEM_ACTOR, input: { body, single: false } });
    expect(out).toMatchObject({ accepted: 2, firstSeq: '9007199254740993', lastSeq: '9007199254740994' });
    const stored = await (await getPrisma()).invocationEvent.findMany({ where: { agentName: agent }, orderBy: { seq: 'asc' } });
    expect(stored.map((e) => [e.eventId, e.toolName, e.publisher, e.trustLevel])).toEqual([
      ['api-1', '{braces}, commas', 'verified-publisher-id', 'gold'],
      ['api-2', 'email-parser', 'pub\\lisher', null],
    ]);
    expect(await verifyInvocationChain({ actor: auditor, input: {} })).toMatchObject({ ok: true, checked: 4 });
  });

  it('stores each event once when two batches with the same ids arrive together', async () => {
    const ids = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => eventLine({ event_id: `together-${from + i}` })).join('\n');
    const send = (body: string) => ingestInvocationEvents({ actor: SYSTEM_ACTOR, input: { body, single: false } });
    const results = await Promise.all([send(ids(0, 300)), send(ids(200, 500)), send(ids(100, 400))]);
    expect(results.reduce((n, r) => n + r.accepted, 0)).toBe(500);
    expect(results.reduce((n, r) => n + r.duplicates, 0)).toBe(400);
    const prisma = await getPrisma();
    expect(await prisma.invocationEvent.count({ where: { eventId: { startsWith: 'together-' } } })).toBe(500);
    expect((await invocationChainHead(prisma)).seq).toBe(9_007_199_254_740_994n + 500n);
    expect(await verifyInvocationChain({ actor: auditor, input: {} })).toMatchObject({ ok: true, checked: 504 });
  });
});
