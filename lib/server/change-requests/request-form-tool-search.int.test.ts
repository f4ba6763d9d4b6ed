// The new-request form's tool picker is a server-side search (issue 9, point 4): a search narrows
// the tools by name or registry id, at most `limit` are offered with the total that matched, and
// the tool a link focuses keeps all its versions whatever the search.
import { beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/lib/testing/test-database';
import { createPublisher, createRegistry, createTool } from '@/lib/testing/factories';
import type { Actor } from '@/lib/server/actor';
import { getRequestFormOptions } from './get-request-form-options';

const t = withTestDatabase();
let officer: Actor;
let focusId = '';

const toolNames = async (input: { q?: string; limit?: number; toolId?: string }) => {
  const o = await getRequestFormOptions({ actor: officer, input });
  return { names: [...new Set(o.versions.map((v) => v.toolName))], total: o.toolTotal, shown: o.toolsShown, o };
};

describe('new-request form: tool search', () => {
  beforeAll(async () => {
    const prisma = t.db().prisma;
    const u = await prisma.user.create({ data: { email: 'picker@search.test', name: 'Picker', role: 'COMPLIANCE_OFFICER' } });
    officer = { type: 'USER', id: u.id, label: u.email, role: 'COMPLIANCE_OFFICER' };
    const reg = await createRegistry(prisma, { name: 'picker' });
    const pub = await createPublisher(prisma, { registryId: reg.id, name: 'Picker Labs' });
    for (const name of ['a-mail-sender', 'b-Mail_Reader', 'pdf-tools', 'sql-runner']) {
      await createTool(prisma, { registryId: reg.id, publisherId: pub.id, name, versions: [{ version: '1.0.0' }] });
    }
    focusId = (
      await createTool(prisma, {
        registryId: reg.id,
        publisherId: pub.id,
        name: 'zeta-focus',
        versions: [{ version: '1.0.0' }, { version: '2.0.0' }],
      })
    ).tool.id;
  });

  it('offers every tool by name when nothing is searched and the list fits', async () => {
    const r = await toolNames({});
    expect(r.names).toEqual(['a-mail-sender', 'b-Mail_Reader', 'pdf-tools', 'sql-runner', 'zeta-focus']);
    expect(r).toMatchObject({ total: 5, shown: 5 });
  });

  it('narrows by a case-insensitive substring, taking wildcards literally', async () => {
    expect((await toolNames({ q: 'MAIL' })).names).toEqual(['a-mail-sender', 'b-Mail_Reader']);
    expect((await toolNames({ q: 'l_r' })).names).toEqual(['b-Mail_Reader']);
    expect(await toolNames({ q: 'nothing' })).toMatchObject({ names: [], total: 0, shown: 0 });
  });

  it('cuts at the limit and says how many matched', async () => {
    expect(await toolNames({ limit: 2 })).toMatchObject({ names: ['a-mail-sender', 'b-Mail_Reader'], total: 5, shown: 2 });
  });

  it('keeps every version of the focused tool outside the search', async () => {
    const r = await toolNames({ q: 'pdf', toolId: focusId });
    expect(r.names).toEqual(['pdf-tools', 'zeta-focus']);
    expect(r.o.versions.filter((v) => v.toolId === focusId).map((v) => v.version)).toEqual(['2.0.0', '1.0.0']);
  });

  it('refuses a search longer than 200 characters', async () => {
    await expect(getRequestFormOptions({ actor: officer, input: { q: 'x'.repeat(201) } })).rejects.toMatchObject({
      status: 400,
    });
  });
});
