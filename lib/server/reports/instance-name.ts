import 'server-only';
import { env } from '@/lib/env';

/**
 * What the reports call this instance: the configured name, else the public URL's host, else
 * "ToolLedger". Never the machine's hostname: instances behind one load balancer must name
 * themselves alike, or the same evidence pack would differ by the instance that built it.
 */
export function instanceName(): string {
  const e = env();
  if (e.TOOLLEDGER_INSTANCE_NAME) return e.TOOLLEDGER_INSTANCE_NAME;
  if (e.NEXTAUTH_URL) return new URL(e.NEXTAUTH_URL).host;
  return 'ToolLedger';
}
