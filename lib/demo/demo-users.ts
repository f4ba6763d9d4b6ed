import type { Role } from '@prisma/client';

/** Demo accounts, one per role (plus a second compliance officer for segregation-of-duties demos). */
export const DEMO_PASSWORD = 'toolledger-demo';

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: 'admin@toolledger.local', name: 'Ada Admin', role: 'ADMIN' },
  { email: 'compliance@toolledger.local', name: 'Carla Compliance', role: 'COMPLIANCE_OFFICER' },
  { email: 'compliance2@toolledger.local', name: 'Chris Compliance', role: 'COMPLIANCE_OFFICER' },
  { email: 'security@toolledger.local', name: 'Sam Security', role: 'SECURITY_REVIEWER' },
  { email: 'auditor@toolledger.local', name: 'Audrey Auditor', role: 'AUDITOR' },
];
