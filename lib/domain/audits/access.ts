/**
 * When an auditor may read an engagement (issue 14): only one assigned to them, and only inside
 * its access window [opensAt, closesAt). Outside it they can sign in and see nothing but that
 * fact. Other roles read engagements through their permission and are not time-boxed.
 */
export type EngagementAccess = 'open' | 'notYetOpen' | 'closed' | 'notAssigned';

export interface AccessFacts {
  assigned: boolean;
  opensAt: Date;
  closesAt: Date;
  now: Date;
}

export function auditorAccess({ assigned, opensAt, closesAt, now }: AccessFacts): EngagementAccess {
  if (!assigned) return 'notAssigned';
  if (now.getTime() < opensAt.getTime()) return 'notYetOpen';
  if (now.getTime() >= closesAt.getTime()) return 'closed';
  return 'open';
}

export const ACCESS_LABELS: Record<EngagementAccess, string> = {
  open: 'Open',
  notYetOpen: 'Not yet open',
  closed: 'Closed',
  notAssigned: 'Not assigned to you',
};

/** What the auditor reads when the engagement is not open to them (never what is inside). */
export function accessRefusal(access: Exclude<EngagementAccess, 'open'>): string {
  switch (access) {
    case 'notYetOpen':
      return 'Your access to this audit has not opened yet';
    case 'closed':
      return 'Your access to this audit has closed';
    case 'notAssigned':
      return 'You are not assigned to this audit';
  }
}
