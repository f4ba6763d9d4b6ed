import 'server-only';
import { redirect } from 'next/navigation';
import { AppError } from '@/lib/server/errors';

/**
 * Runs a read of one audit for a page: not found or a malformed id → null (the page shows 404); an auditor outside
 * the window or scope → the plain no-access page (the refusal is already in the audit trail).
 */
export async function loadOrRefuse<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (err) {
    // A malformed id in the path (400) is the same "no such audit" as an unknown one.
    if (err instanceof AppError && (err.status === 404 || err.status === 400)) return null;
    if (err instanceof AppError && err.status === 403) redirect(`/audits/no-access?reason=${encodeURIComponent(err.message)}`);
    throw err;
  }
}
