import type { Prisma } from '@prisma/client';
import { DAY_MS, EXPIRING_SOON_DAYS, type ExceptionStanding } from '@/lib/domain/exceptions/state-machine';

/** The register's status filter in SQL: the same cut as exceptionStanding (lib/domain), at `now`. */
export function standingWhere(standing: ExceptionStanding, now: Date): Prisma.PolicyExceptionWhereInput {
  const soon = new Date(now.getTime() + EXPIRING_SOON_DAYS * DAY_MS);
  const live = { expiresAt: { gt: now } };
  const WHERE: Record<ExceptionStanding, Prisma.PolicyExceptionWhereInput> = {
    requested: { status: 'REQUESTED', reopenedAt: null, ...live },
    reopened: { status: 'REQUESTED', reopenedAt: { not: null }, ...live },
    approved: { status: 'APPROVED', expiresAt: { gt: soon } },
    expiring: { status: 'APPROVED', expiresAt: { gt: now, lte: soon } },
    expired: { status: { in: ['APPROVED', 'REQUESTED'] }, expiresAt: { lte: now } },
    rejected: { status: 'REJECTED' },
    revoked: { status: 'REVOKED' },
  };
  return WHERE[standing];
}
