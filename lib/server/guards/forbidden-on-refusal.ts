import 'server-only';
import { forbidden, notFound } from 'next/navigation';
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

/**
 * For a detail page's read by the id in its path: as forbiddenOnRefusal, and a malformed id (the
 * read's 400: a NUL byte, an over-long or foreign segment) is the same "no such record" as an
 * unknown one, a 404 rather than a 500.
 */
export function refusalOrNotFound(err: unknown): never {
  if (err instanceof AppError && err.status === 400) notFound();
  return forbiddenOnRefusal(err);
}
