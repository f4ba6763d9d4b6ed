import 'server-only';
import { forbidden } from 'next/navigation';
import { AppError } from '@/lib/server/errors';

/**
 * For a page's read: a 403 from the data layer (an auditor asking for a record outside their open
 * audits, already logged by the read, ADR 0010) renders the dashboard's 403 page; anything else
 * is rethrown.
 */
export function forbiddenOnRefusal(err: unknown): never {
  if (err instanceof AppError && err.status === 403) forbidden();
  throw err;
}
