import type { PrismaClient } from '@prisma/client';
import type { Actor } from '@/lib/server/actor';
import { assessRisk } from '@/lib/server/risks/assess-risk';
import { getToolRisk } from '@/lib/server/risks/get-tool-risk';
import { raiseOverdueRiskReviewAlerts } from '@/lib/server/risks/raise-overdue-risk-review-alerts';
import { SYSTEM_ACTOR } from '@/lib/server/actor';

const DAY = 86_400_000;

/**
 * Demo risk assessments through the real operation, by Carla (compliance officer): the tools
 * agents use, each from its suggestion; one overrides the suggested likelihood with a reason;
 * one is reassessed (history with a diff); one was assessed long ago and its review is overdue
 * (alerted by the same check the scheduler runs). Tools nobody installed stay unassessed, so
 * the register, the heat map and "assess from the suggestion" all have something to show.
 */
export async function seedRisks(prisma: PrismaClient): Promise<void> {
  if ((await prisma.riskAssessment.count()) > 0) return;
  const carlaRow = await prisma.user.findUnique({ where: { email: 'compliance@toolledger.local' } });
  if (!carlaRow) return;
  const carla: Actor = { type: 'USER', id: carlaRow.id, label: carlaRow.email, role: carlaRow.role };
  const tools = await prisma.tool.findMany({
    where: { installations: { some: { state: { not: 'REVOKED' } } } },
    orderBy: { name: 'asc' },
    select: { id: true, owner: true, latestVersionId: true },
    take: 4,
  });
  const now = Date.now();
  for (const [n, tool] of tools.entries()) {
    // The overdue one is assessed 200 days ago; the others over the last weeks.
    const at = new Date(now - (n === 0 ? 200 : 30 - n * 7) * DAY);
    const ctx = { db: prisma, now: at };
    const risk = await getToolRisk({ actor: carla, input: { toolId: tool.id } }, ctx);
    if (!risk) continue;
    const l = risk.suggestion.likelihood.value;
    const i = risk.suggestion.impact.value;
    const override = n === 1 && l < 5;
    const likelihood = override ? l + 1 : l;
    const first = await assessRisk(
      {
        actor: carla,
        input: {
          toolId: tool.id,
          toolVersionId: tool.latestVersionId ?? undefined,
          likelihood,
          impact: i,
          likelihoodReason: override ? 'A similar connector leaked tokens in an incident last quarter' : undefined,
          controls: 'Runs in the agent sandbox; outbound traffic through the egress proxy allowlist',
          residualLikelihood: Math.max(1, likelihood - 1),
          residualImpact: i,
          treatment: 'MITIGATE',
          owner: tool.owner ?? 'Platform security',
          // Medium and above get 180 days or less: 200 days ago makes the first one overdue.
          nextReviewOn: n === 0 ? new Date(at.getTime() + 180 * DAY).toISOString().slice(0, 10) : undefined,
        },
      },
      ctx,
    );
    if (n === 2)
      await assessRisk(
        {
          actor: carla,
          input: {
            toolId: tool.id,
            previousId: first.id,
            likelihood,
            impact: i,
            controls: `${first.controls}; read-only service account since the last review`,
            residualLikelihood: 1,
            residualImpact: Math.max(1, i - 1),
            treatment: 'ACCEPT',
            owner: first.owner,
          },
        },
        { db: prisma, now: new Date(now - 2 * DAY) },
      );
  }
  await raiseOverdueRiskReviewAlerts({ actor: SYSTEM_ACTOR, input: {} }, { db: prisma, now: new Date(now) });
}
