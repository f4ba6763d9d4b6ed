import 'server-only';
import { parseAllowedHosts } from '@/lib/domain/network-address';
import { env, isDemoMode } from '@/lib/env';
import { badRequest } from '@/lib/server/errors';
import {
  checkRegistryAddress,
  createRegistryFetch,
  RegistryAddressBlocked,
  type RegistryNetworkPolicy,
} from '@/lib/registries/safe-fetch';

/** A row the app marked as its bundled sample registry (config.sample, which admins cannot set). */
export function isSampleRegistry(config: unknown): boolean {
  return (config as { sample?: unknown } | null)?.sample === true;
}

/**
 * Where this registry's connector may connect: public addresses, the operator's
 * TOOLLEDGER_ALLOWED_REGISTRY_HOSTS, and, in demo mode only, loopback for the bundled sample
 * registry the app serves itself.
 */
export function registryNetworkPolicy(registry: { baseUrl: string; config: unknown }): RegistryNetworkPolicy {
  const sample = isDemoMode() && isSampleRegistry(registry.config);
  return {
    allowedHosts: parseAllowedHosts(env().TOOLLEDGER_ALLOWED_REGISTRY_HOSTS),
    loopbackOrigin: sample ? new URL(registry.baseUrl).origin : null,
  };
}

/** The fetch a connector gets for this registry. */
export function registryFetch(registry: { baseUrl: string; config: unknown }): typeof fetch {
  return createRegistryFetch(registryNetworkPolicy(registry));
}

/** Save-time check of an admin-typed URL: a form error on baseUrl naming the rule. Fetches check again (DNS rebinding). */
export async function assertRegistryUrlAllowed(baseUrl: string, config: unknown): Promise<void> {
  try {
    await checkRegistryAddress(new URL(baseUrl), registryNetworkPolicy({ baseUrl, config }));
  } catch (e) {
    if (!(e instanceof RegistryAddressBlocked)) throw e;
    // A name that does not resolve now (offline, DNS hiccup) may later: the fetch checks again.
    if (e.reason === 'unresolved') return;
    throw badRequest(`Base URL: ${e.message}`, [{ path: 'baseUrl', message: e.message }]);
  }
}
