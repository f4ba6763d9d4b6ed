import 'server-only';
import { parseAllowedHosts } from '@/lib/domain/network-address';
import { env } from '@/lib/env';
import { badRequest } from '@/lib/server/errors';
import { checkRegistryAddress, createRegistryFetch, RegistryAddressBlocked } from '@/lib/registries/safe-fetch';

/**
 * Webhook URLs are typed by an admin, like registry URLs, so they go through the same SSRF guard
 * (lib/registries/safe-fetch.ts): public addresses only, unless the operator lists the host in
 * TOOLLEDGER_ALLOWED_WEBHOOK_HOSTS (a SIEM collector inside the network). Checked at save time
 * and again on every delivery (DNS may have changed).
 */
const policy = () => ({ allowedHosts: parseAllowedHosts(env().TOOLLEDGER_ALLOWED_WEBHOOK_HOSTS) });

export async function assertWebhookUrlAllowed(url: string): Promise<void> {
  try {
    await checkRegistryAddress(new URL(url), policy());
  } catch (e) {
    if (!(e instanceof RegistryAddressBlocked)) throw e;
    if (e.reason === 'unresolved') return; // may resolve later; each delivery checks again
    const message = e.message
      .replace('registries must be', 'webhook endpoints must be')
      .replace('TOOLLEDGER_ALLOWED_REGISTRY_HOSTS', 'TOOLLEDGER_ALLOWED_WEBHOOK_HOSTS');
    throw badRequest(`URL: ${message}`, [{ path: 'url', message }]);
  }
}

/** The fetch deliveries use (checked addresses only, per hop). */
export function webhookFetch(): typeof fetch {
  return createRegistryFetch(policy());
}
