import type { Environment } from '../types';
import type { PolicySettings } from './types';

const OPEN_MAXIMA = {
  maxNetwork: 'EXTERNAL',
  maxFilesystem: 'WRITE',
  maxCodeExecution: 'UNRESTRICTED',
  maxDataAccess: 'READ_WRITE',
} as const;

const REVIEW_ON = { reviewOnExternalNetwork: true, reviewOnFilesystemWrite: true, reviewOnCodeExecution: true } as const;

/**
 * Default policies (ARCHITECTURE §4): production requires Gold, staging Verified, development
 * nothing but logs every unverified use. Manual review on external network, filesystem write and
 * any code execution everywhere. Verification counts for the verified version only.
 */
export const DEFAULT_POLICIES: Record<Environment, PolicySettings> = {
  PRODUCTION: {
    ...OPEN_MAXIMA,
    ...REVIEW_ON,
    minTier: 'GOLD',
    minTrustScore: null,
    requireVersionVerification: true,
    maxVerificationAgeDays: 180,
    logUnverified: false,
    maxExceptionDays: 90,
    gatewayFailOpen: false,
    anomalyThreshold: 3.5,
  },
  STAGING: {
    ...OPEN_MAXIMA,
    ...REVIEW_ON,
    minTier: 'VERIFIED',
    minTrustScore: null,
    requireVersionVerification: true,
    maxVerificationAgeDays: 365,
    logUnverified: false,
    maxExceptionDays: 180,
    gatewayFailOpen: false,
    anomalyThreshold: 3.5,
  },
  DEVELOPMENT: {
    ...OPEN_MAXIMA,
    ...REVIEW_ON,
    minTier: null,
    minTrustScore: null,
    requireVersionVerification: false,
    maxVerificationAgeDays: null,
    logUnverified: true,
    maxExceptionDays: 365,
    // Developers keep working when ToolLedger is down; every such call is still logged and spooled.
    gatewayFailOpen: true,
    anomalyThreshold: 3.5,
  },
};
