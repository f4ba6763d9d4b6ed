import { DIMENSIONS, levelRank } from '@/lib/domain/permissions';
import type { PermissionSet } from '@/lib/domain/types';
import { classifyField } from './classification';
import { parseHost } from './host';
import type { DataClass, DataFlowContent, DataFlowDestination, DataFlowInput, DerivationReason } from './types';

/** What ToolLedger knows about a tool version, read by lib/server/data-flows/load-data-flow-facts.ts. */
export interface DataFlowFacts {
  /** The tool's own data classification (inventory); PERSONAL is never set there. */
  toolClassification: DataClass;
  /** Declared permissions of the version, in our four dimensions. */
  declared: PermissionSet;
  allowedDomains: readonly string[];
  /** The registry's own vocabulary (AgentNode `data_access: persistent` …), when kept. */
  registryPermissions: Record<string, unknown> | null;
  /** The registry manifest's tool definitions (name + JSON Schema of the input). */
  definitions: readonly { name: string; inputSchema?: unknown }[] | null;
  /** The highest level agents reported using per dimension (InvocationEvent.permissions_used). */
  observed: Partial<PermissionSet>;
  /** How many invocation events were seen for the tool. */
  observedEvents: number;
}

export interface DerivedDataFlow extends DataFlowContent {
  reasons: DerivationReason[];
}

/** More fields than this and the draft lists the first ones and says so. */
export const MAX_DERIVED_INPUTS = 40;

/**
 * The first draft of a tool's data flow map from what ToolLedger knows: fields from the
 * manifest's input schemas, destinations from the permissions (declared, raised by what agents
 * were seen using) and allowed hosts, retention from whether anything persists. Every part
 * carries its reason; a person confirms or corrects the draft.
 */
export function deriveDataFlow(facts: DataFlowFacts): DerivedDataFlow {
  const reasons: DerivationReason[] = [];
  const effective = effectivePermissions(facts, reasons);
  const inputs = deriveInputs(facts, reasons);
  const destinations = deriveDestinations(facts, effective, reasons);
  const persists = destinations.some((d) => d.kind === 'LOCAL_DISK' || d.kind === 'CACHE');
  const retention = persists
    ? 'Kept until the tool deletes it: state the retention period'
    : 'Not kept by the tool after the call returns';
  reasons.push({
    subject: 'retention',
    reason: persists ? 'The tool writes to disk or keeps data between calls' : 'Nothing the tool declares persists data',
  });
  return { inputs, processing: describeProcessing(facts, effective), destinations, retention, reasons };
}

/** Declared permissions, raised where agents were seen using more (the map describes what happens). */
export function effectivePermissions(facts: DataFlowFacts, reasons: DerivationReason[] = []): PermissionSet {
  const out = { ...facts.declared };
  for (const d of DIMENSIONS) {
    const seen = facts.observed[d];
    if (seen !== undefined && levelRank(d, seen) > levelRank(d, out[d])) {
      (out as Record<string, string>)[d] = seen;
      reasons.push({
        subject: d,
        reason: `Agents reported using ${d} ${seen.toLowerCase()}, above the declared ${facts.declared[d].toLowerCase()}`,
      });
    }
  }
  return out;
}

function propertiesOf(schema: unknown): { names: string[]; required: Set<string> } | null {
  if (!schema || typeof schema !== 'object') return null;
  const s = schema as { properties?: unknown; required?: unknown };
  if (!s.properties || typeof s.properties !== 'object' || Array.isArray(s.properties)) return null;
  const required = new Set(Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === 'string') : []);
  return { names: Object.keys(s.properties), required };
}

function deriveInputs(facts: DataFlowFacts, reasons: DerivationReason[]): DataFlowInput[] {
  const defs = (facts.definitions ?? []).map((d) => ({ name: d.name, props: propertiesOf(d.inputSchema) }));
  const withProps = defs.filter((d) => d.props && d.props.names.length > 0);
  if (withProps.length === 0) {
    reasons.push({
      subject: 'inputs',
      reason: 'The registry publishes no input schema for this version: name the fields the tool receives',
    });
    return [{ name: 'arguments', classification: facts.toolClassification, needed: true }];
  }
  const prefix = withProps.length > 1;
  const seen = new Map<string, DataFlowInput>();
  for (const def of withProps) {
    for (const field of def.props!.names) {
      const name = prefix ? `${def.name}.${field}` : field;
      const needed = def.props!.required.has(field);
      const prior = seen.get(name);
      if (prior) prior.needed ||= needed;
      else seen.set(name, { name, classification: classifyField(field, facts.toolClassification), needed });
    }
  }
  const all = [...seen.values()];
  reasons.push({
    subject: 'inputs',
    reason:
      `Fields of the input schema${prefix ? 's' : ''} of ${withProps.map((d) => d.name).join(', ')}; required ones are marked needed, ` +
      'classes guessed from the field names and the tool’s classification' +
      (all.length > MAX_DERIVED_INPUTS ? ` (first ${MAX_DERIVED_INPUTS} of ${all.length})` : ''),
  });
  return all.slice(0, MAX_DERIVED_INPUTS);
}

function deriveDestinations(facts: DataFlowFacts, p: PermissionSet, reasons: DerivationReason[]): DataFlowDestination[] {
  const out: DataFlowDestination[] = [{ kind: 'RETURN_TO_AGENT' }];
  reasons.push({ subject: 'RETURN_TO_AGENT', reason: 'A tool answers the agent that called it' });
  if (p.filesystem === 'WRITE') {
    out.push({ kind: 'LOCAL_DISK' });
    reasons.push({ subject: 'LOCAL_DISK', reason: 'Filesystem write permission' });
  }
  if (p.network === 'EXTERNAL') {
    const hosts = [...new Set(facts.allowedDomains.map((h) => parseHost(h)).flatMap((v) => (v.ok ? [v.host] : [])))].sort();
    for (const host of hosts) out.push({ kind: 'EXTERNAL_API', host });
    if (hosts.length === 0) out.push({ kind: 'EXTERNAL_API', host: null });
    reasons.push({
      subject: 'EXTERNAL_API',
      reason: hosts.length
        ? `External network access to the allowed hosts ${hosts.join(', ')}`
        : 'External network access without named hosts: name where the data goes',
    });
  } else if (p.network === 'INTERNAL') {
    reasons.push({ subject: 'network', reason: 'Internal network only: the data stays inside the environment' });
  }
  const persistent = facts.registryPermissions?.['data_access'] === 'persistent';
  if (p.dataAccess === 'READ_WRITE' || persistent) {
    out.push({ kind: 'CACHE' });
    reasons.push({ subject: 'CACHE', reason: 'Keeps and changes data beyond the call (read-write data access)' });
  }
  if (facts.observedEvents > 0) {
    out.push({ kind: 'LOGS', note: 'Call metadata (not the payload) in the invocation log' });
    reasons.push({ subject: 'LOGS', reason: `${facts.observedEvents} invocation event(s) reported by agents` });
  }
  return out;
}

const PROCESSING: Record<PermissionSet['codeExecution'], string> = {
  NONE: 'Processes the input in its own code; runs no other code',
  SANDBOXED: 'Runs code in a sandbox on the input',
  UNRESTRICTED: 'Runs arbitrary code with the agent’s rights on the input',
};

function describeProcessing(facts: DataFlowFacts, p: PermissionSet): string {
  const names = (facts.definitions ?? []).map((d) => d.name);
  const tools = names.length ? `. Tools: ${names.slice(0, 10).join(', ')}${names.length > 10 ? ' …' : ''}` : '';
  return `${PROCESSING[p.codeExecution]}${tools}`;
}
