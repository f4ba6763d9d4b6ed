import { LEAVES_ENVIRONMENT, type DataFlowDestination } from './types';

/** A tool whose data leaves the environment (any external API destination) is a subprocessor (CC9.2). */
export function isSubprocessor(destinations: readonly DataFlowDestination[]): boolean {
  return destinations.some((d) => LEAVES_ENVIRONMENT[d.kind]);
}

/** The hosts data leaves for, lower case, sorted, each once; an external destination without a host is "unknown host". */
export function externalHostsOf(destinations: readonly DataFlowDestination[]): string[] {
  const hosts = destinations.filter((d) => LEAVES_ENVIRONMENT[d.kind]).map((d) => (d.host ? d.host.toLowerCase() : UNKNOWN_HOST));
  return [...new Set(hosts)].sort();
}

export const UNKNOWN_HOST = '(unknown host)';
