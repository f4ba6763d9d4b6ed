// The world the change-request integration tests start from (change-requests.int.test.ts,
// segregation-of-duties.int.test.ts): named people with roles, two tools and agents by environment.
import { expect } from 'vitest';
import type { Environment, Role } from '@prisma/client';
import { getPrisma } from '@/lib/db/client';
import type { Actor } from '@/lib/server/actor';
import { AppError } from '@/lib/server/errors';

export type PersonActor = Actor & { type: 'USER' };

/** The AppError a call is refused with (fails the test when it succeeds or throws anything else). */
export async function appError(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

export interface ChangeRequestWorld<P extends string, A extends string> {
  actors: Record<P, PersonActor>;
  agents: Record<A, string>;
  /** "Email parser" 2.1.0 calls out to api.mail.test: it passes policy but needs a security review. */
  externalToolId: string;
  externalV1: string;
  /** "Text utils" 1.0.0 declares nothing: it passes every rule and is fast-tracked. */
  cleanToolId: string;
  cleanV1: string;
}

/** Creates the people (`<key>@<emailDomain>`, named by their key), the two tools (Gold, verified now) and the agents. */
export async function createChangeRequestWorld<P extends string, A extends string>(spec: {
  people: Record<P, Role>;
  emailDomain: string;
  agents: Record<A, { name: string; environment: Environment }>;
}): Promise<ChangeRequestWorld<P, A>> {
  const prisma = await getPrisma();
  const actors = {} as Record<P, PersonActor>;
  for (const [key, role] of Object.entries(spec.people) as [P, Role][]) {
    const u = await prisma.user.create({ data: { email: `${key}@${spec.emailDomain}`, name: key, role } });
    actors[key] = { type: 'USER', id: u.id, label: u.email, role };
  }
  const registry = await prisma.registry.create({ data: { kind: 'AGENTNODE', name: 'test', baseUrl: 'https://example.test' } });
  const publisher = await prisma.publisher.create({ data: { registryId: registry.id, externalId: 'pub', name: 'Pub' } });
  const verified = { tier: 'GOLD', trustScore: 95, verificationState: 'PASSED', lastVerifiedAt: new Date() } as const;
  const tool = (externalId: string, name: string) =>
    prisma.tool.create({ data: { registryId: registry.id, publisherId: publisher.id, externalId, name } });
  const external = await tool('email-parser', 'Email parser');
  const externalV1 = await prisma.toolVersion.create({
    data: {
      toolId: external.id,
      version: '2.1.0',
      artifactDigest: 'sha256:aaa',
      network: 'EXTERNAL',
      allowedDomains: ['api.mail.test'],
      ...verified,
    },
  });
  const clean = await tool('text-utils', 'Text utils');
  const cleanV1 = await prisma.toolVersion.create({
    data: { toolId: clean.id, version: '1.0.0', artifactDigest: 'sha256:ccc', ...verified },
  });
  const agents = {} as Record<A, string>;
  for (const [key, { name, environment }] of Object.entries(spec.agents) as [A, { name: string; environment: Environment }][]) {
    agents[key] = (await prisma.agent.create({ data: { name, environment, owner: 'ops' } })).id;
  }
  return {
    actors,
    agents,
    externalToolId: external.id,
    externalV1: externalV1.id,
    cleanToolId: clean.id,
    cleanV1: cleanV1.id,
  };
}
