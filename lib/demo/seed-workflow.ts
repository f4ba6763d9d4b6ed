import type { Environment, PrismaClient } from '@prisma/client';
import type { Actor } from '@/lib/server/actor';
import { evaluatePolicy } from '@/lib/domain/policy/evaluate';
import { getCurrentPolicies } from '@/lib/server/policies/get-current-policies';
import { VERSION_FACTS_SELECT, versionFactsOf } from '@/lib/server/policies/version-facts';
import { createChangeRequest } from '@/lib/server/change-requests/create-change-request';
import { decideChangeRequest } from '@/lib/server/change-requests/decide-change-request';
import { deployChangeRequest } from '@/lib/server/change-requests/deploy-change-request';
import { addChangeComment } from '@/lib/server/change-requests/add-change-comment';
import { addAllowlistEntry } from '@/lib/server/change-requests/add-allowlist-entry';
import { decideAllowlistEntry } from '@/lib/server/change-requests/decide-allowlist-entry';

const HOUR = 3_600_000;
const JUSTIFICATION = {
  overdue: 'Customer support agents need to read inbound tickets from the helpdesk to draft replies.',
  security: 'Staging trial before the quarterly release: the agent must call the vendor API.',
  rejected: 'Developers asked for this tool to speed up triage of production incidents.',
  deployed: 'Approved integration for the support agent; replaces manual copy and paste.',
  allowlisted: 'Staging agents need this pre-approved tool for the release rehearsal.',
};

type Candidate = { id: string; toolId: string; needsReview: Record<Environment, boolean>; passes: Record<Environment, boolean> };

/**
 * Demo change requests in every interesting state, raised and decided through the real,
 * audited operations (the history is backdated so one request is overdue), with a different
 * person at each step as segregation of duties requires: Carla and Chris (compliance officers)
 * raise and review, Sam (security reviewer) decides security and approves allowlist entries,
 * Ada (admin) deploys. The catalogue and agents come first (lib/demo/seed.ts); with no
 * catalogue this does nothing.
 */
export async function seedWorkflow(prisma: PrismaClient): Promise<void> {
  // The demo installations raised their own requests before (lib/demo/seed-installations.ts).
  if ((await prisma.changeRequest.count({ where: { justification: { in: Object.values(JUSTIFICATION) } } })) > 0) return;
  const users = await prisma.user.findMany({
    where: {
      email: {
        in: [
          'compliance@toolledger.local',
          'compliance2@toolledger.local',
          'security@toolledger.local',
          'admin@toolledger.local',
        ],
      },
    },
  });
  const actor = (email: string): Actor | null => {
    const u = users.find((x) => x.email === email);
    return u ? { type: 'USER', id: u.id, label: u.email, role: u.role } : null;
  };
  const [carla, chris, sam, ada] = [
    'compliance@toolledger.local',
    'compliance2@toolledger.local',
    'security@toolledger.local',
    'admin@toolledger.local',
  ].map(actor);
  if (!carla || !chris || !sam || !ada) return;

  const agents = await prisma.agent.findMany({ orderBy: { name: 'asc' }, select: { id: true, environment: true } });
  const agentIn = (env: Environment) => agents.find((a) => a.environment === env) ?? null;
  const candidates = await loadCandidates(prisma);
  if (candidates.length === 0 || agents.length === 0) return;
  // Tools some agent already holds are left out: a new-tool request for them would be refused.
  const used = new Set<string>(
    (await prisma.installation.findMany({ where: { state: { notIn: ['REVOKED'] } }, select: { toolId: true } })).map(
      (i) => i.toolId,
    ),
  );
  const pick = (test: (c: Candidate) => boolean) => {
    const c = candidates.find((x) => !used.has(x.toolId) && test(x));
    if (c) used.add(c.toolId);
    return c ?? null;
  };
  const now = Date.now();
  const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR);
  const ctx = (hoursAgo: number) => ({ db: prisma, now: at(hoursAgo) });

  // The first production agent carries the demo history; e2e journeys use the last one.
  const prod = agentIn('PRODUCTION');
  const staging = agentIn('STAGING');
  const dev = agentIn('DEVELOPMENT') ?? staging;

  // Deployed: passes production policy, reviewed by both stages, then rolled out.
  const deployed = prod && pick((c) => c.passes.PRODUCTION && c.needsReview.PRODUCTION);
  if (prod && deployed) {
    const r = await createChangeRequest(
      {
        actor: carla,
        input: {
          kind: 'NEW_TOOL',
          toolVersionId: deployed.id,
          agentId: prod.id,
          environment: 'PRODUCTION',
          justification: JUSTIFICATION.deployed,
        },
      },
      ctx(200),
    );
    await decideChangeRequest(
      { actor: chris, input: { id: r.id, decision: 'APPROVED', comment: 'Business owner confirmed the need.' } },
      ctx(190),
    );
    if (r.requiresSecurityReview)
      await decideChangeRequest(
        { actor: sam, input: { id: r.id, decision: 'APPROVED', comment: 'Declared domains reviewed; egress limited to them.' } },
        ctx(170),
      );
    await deployChangeRequest({ actor: ada, input: { id: r.id } }, ctx(160));
  }

  // Overdue: raised five days ago, still waiting on compliance review.
  const overdue = prod && pick((c) => c.passes.PRODUCTION && c.needsReview.PRODUCTION);
  if (prod && overdue) {
    await createChangeRequest(
      {
        actor: carla,
        input: {
          kind: 'NEW_TOOL',
          toolVersionId: overdue.id,
          agentId: prod.id,
          environment: 'PRODUCTION',
          justification: JUSTIFICATION.overdue,
        },
      },
      ctx(120),
    );
  }

  // Awaiting security review: compliance approved, a manual-review trigger fired.
  const security = staging && (pick((c) => c.needsReview.STAGING && c.passes.STAGING) ?? pick((c) => c.needsReview.STAGING));
  if (staging && security) {
    const r = await createChangeRequest(
      {
        actor: chris,
        input: {
          kind: 'NEW_TOOL',
          toolVersionId: security.id,
          agentId: staging.id,
          environment: 'STAGING',
          justification: JUSTIFICATION.security,
        },
      },
      ctx(20),
    );
    if (r.state === 'COMPLIANCE_REVIEW')
      await decideChangeRequest(
        { actor: carla, input: { id: r.id, decision: 'APPROVED', comment: 'Fine for staging; security please check egress.' } },
        ctx(18),
      );
  }

  // Allowlist: Carla pre-approves a tool for staging, Sam (a second person) approves the entry;
  // Chris's request for it then skips manual review. Carla's own requests for it would not.
  // Every installation now comes through the workflow, so the reviewed candidates may be taken: then any that passes.
  const allowlisted = staging && (pick((c) => c.needsReview.STAGING && c.passes.STAGING) ?? pick((c) => c.passes.STAGING));
  if (staging && allowlisted) {
    const entry = await addAllowlistEntry(
      {
        actor: carla,
        input: { toolId: allowlisted.toolId, environment: 'STAGING', note: 'Vetted by security for staging release rehearsals.' },
      },
      ctx(100),
    );
    await decideAllowlistEntry(
      {
        actor: sam,
        input: { id: entry.id, decision: 'APPROVED', comment: 'Egress limited to the declared domains; fine for staging.' },
      },
      ctx(96),
    );
    await createChangeRequest(
      {
        actor: chris,
        input: {
          kind: 'NEW_TOOL',
          toolVersionId: allowlisted.id,
          agentId: staging.id,
          environment: 'STAGING',
          justification: JUSTIFICATION.allowlisted,
        },
      },
      ctx(90),
    );
  }

  // Rejected with a comment: fails production policy.
  const rejected = prod && pick((c) => !c.passes.PRODUCTION);
  if (prod && rejected) {
    const r = await createChangeRequest(
      {
        actor: chris,
        input: {
          kind: 'NEW_TOOL',
          toolVersionId: rejected.id,
          agentId: prod.id,
          environment: 'PRODUCTION',
          justification: JUSTIFICATION.rejected,
        },
      },
      ctx(72),
    );
    await addChangeComment(
      {
        actor: sam,
        input: { id: r.id, body: 'This version does not meet the production policy; is there a verified alternative?' },
      },
      ctx(70),
    );
    await decideChangeRequest(
      {
        actor: carla,
        input: {
          id: r.id,
          decision: 'REJECTED',
          comment: 'Fails the production policy (see snapshot). Request an exception or a Gold alternative.',
        },
      },
      ctx(66),
    );
  }

  // A development request in compliance review, so the inbox has more than one row.
  const devReq = dev && pick((c) => c.passes[dev.environment]);
  if (dev && devReq) {
    await createChangeRequest(
      {
        actor: chris,
        input: {
          kind: 'NEW_TOOL',
          toolVersionId: devReq.id,
          agentId: dev.id,
          environment: dev.environment,
          justification: 'Prototype for the next sprint; evaluate before staging.',
        },
      },
      ctx(3),
    );
  }
}

async function loadCandidates(prisma: PrismaClient): Promise<Candidate[]> {
  const tools = await prisma.tool.findMany({
    where: { latestVersionId: { not: null } },
    select: { latestVersionId: true },
    orderBy: { name: 'asc' },
    take: 200,
  });
  const ids = tools.flatMap((t) => (t.latestVersionId ? [t.latestVersionId] : []));
  const versions = await prisma.toolVersion.findMany({ where: { id: { in: ids } }, select: VERSION_FACTS_SELECT });
  const policies = await getCurrentPolicies({ db: prisma });
  const now = new Date();
  const order = new Map(ids.map((id, i) => [id, i]));
  return versions
    .map((v) => {
      const envs = ['PRODUCTION', 'STAGING', 'DEVELOPMENT'] as const;
      const evals = Object.fromEntries(envs.map((e) => [e, evaluatePolicy(policies[e], versionFactsOf(v), { now })])) as Record<
        Environment,
        ReturnType<typeof evaluatePolicy>
      >;
      return {
        id: v.id,
        toolId: v.toolId,
        passes: Object.fromEntries(envs.map((e) => [e, evals[e].passes])) as Record<Environment, boolean>,
        needsReview: Object.fromEntries(envs.map((e) => [e, evals[e].reviewTriggers.length > 0])) as Record<Environment, boolean>,
      };
    })
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}
