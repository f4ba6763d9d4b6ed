import 'server-only';
import { hostname } from 'node:os';
import { env } from '@/lib/env';

/** What the reports call this instance: the configured name, else the public URL's host, else the machine's. */
export function instanceName(): string {
  const e = env();
  if (e.TOOLLEDGER_INSTANCE_NAME) return e.TOOLLEDGER_INSTANCE_NAME;
  if (e.NEXTAUTH_URL) return new URL(e.NEXTAUTH_URL).host;
  return `ToolLedger on ${hostname()}`;
}
