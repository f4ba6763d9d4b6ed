import { describe, expect, it } from 'vitest';
import { classifyField, dataClassesOf, highestClass, nameParts } from './classification';
import { deriveDataFlow, effectivePermissions, MAX_DERIVED_INPUTS, type DataFlowFacts } from './derive';
import { parseHost } from './host';
import { minimization } from './minimization';
import { externalHostsOf, isSubprocessor, UNKNOWN_HOST } from './subprocessor';
import { summarizeDataFlow } from './summary';
import { DESTINATION_KINDS, LEAVES_ENVIRONMENT, type DataClass, type DataFlowDestination } from './types';

const NONE = { network: 'NONE', filesystem: 'NONE', codeExecution: 'NONE', dataAccess: 'NONE' } as const;

function facts(over: Partial<DataFlowFacts> = {}): DataFlowFacts {
  return {
    toolClassification: 'INTERNAL',
    declared: { ...NONE },
    allowedDomains: [],
    registryPermissions: null,
    definitions: null,
    observed: {},
    observedEvents: 0,
    ...over,
  };
}

describe('classifyField', () => {
  it.each<[string, DataClass, DataClass]>([
    ['query', 'INTERNAL', 'INTERNAL'],
    ['query', 'PUBLIC', 'PUBLIC'],
    ['customerEmail', 'INTERNAL', 'PERSONAL'],
    ['phone_number', 'PUBLIC', 'PERSONAL'],
    ['api_key', 'INTERNAL', 'RESTRICTED'],
    ['apiKey', 'INTERNAL', 'RESTRICTED'],
    ['user_token', 'INTERNAL', 'RESTRICTED'],
    ['password', 'PUBLIC', 'RESTRICTED'],
    // Whole name parts only: "domain" is not "name", "keyword" is not "key", "username" is not a part.
    ['domain', 'INTERNAL', 'INTERNAL'],
    ['keyword', 'INTERNAL', 'INTERNAL'],
    ['first-name', 'INTERNAL', 'PERSONAL'],
    // The tool's classification is a floor: a restricted tool's plain fields stay restricted.
    ['query', 'RESTRICTED', 'RESTRICTED'],
    ['email', 'RESTRICTED', 'RESTRICTED'],
    ['email', 'CONFIDENTIAL', 'PERSONAL'],
  ])('%s in a %s tool is %s', (field, toolDefault, expected) => {
    expect(classifyField(field, toolDefault)).toBe(expected);
  });

  it('splits names on case and separators', () => {
    expect(nameParts('customerEmail')).toEqual(['customer', 'email', 'customeremail']);
    expect(nameParts('API_key')).toEqual(['api', 'key', 'apikey']);
    expect(nameParts('q')).toEqual(['q']);
  });

  it.each<[DataClass[], DataClass]>([
    [[], 'PUBLIC'],
    [['INTERNAL', 'PUBLIC'], 'INTERNAL'],
    [['CONFIDENTIAL', 'PERSONAL'], 'PERSONAL'],
    [['PERSONAL', 'RESTRICTED', 'INTERNAL'], 'RESTRICTED'],
  ])('highest of %j is %s', (classes, expected) => {
    expect(highestClass(classes.map((classification) => ({ classification })))).toBe(expected);
  });

  it('lists classes most sensitive first, each once', () => {
    expect(
      dataClassesOf(['INTERNAL', 'PERSONAL', 'INTERNAL', 'PUBLIC'].map((c) => ({ classification: c as DataClass }))),
    ).toEqual(['PERSONAL', 'INTERNAL', 'PUBLIC']);
  });
});

describe('subprocessor', () => {
  it('only an external API leaves the environment', () => {
    expect(DESTINATION_KINDS.filter((k) => LEAVES_ENVIRONMENT[k])).toEqual(['EXTERNAL_API']);
  });

  it.each<[string, DataFlowDestination[], boolean, string[]]>([
    ['nothing', [], false, []],
    [
      'agent, disk, logs, cache',
      ['RETURN_TO_AGENT', 'LOCAL_DISK', 'LOGS', 'CACHE'].map((kind) => ({ kind }) as DataFlowDestination),
      false,
      [],
    ],
    ['one API', [{ kind: 'RETURN_TO_AGENT' }, { kind: 'EXTERNAL_API', host: 'API.Example.com' }], true, ['api.example.com']],
    [
      'two APIs, one twice',
      [
        { kind: 'EXTERNAL_API', host: 'b.example.com' },
        { kind: 'EXTERNAL_API', host: 'a.example.com' },
        { kind: 'EXTERNAL_API', host: 'b.example.com' },
      ],
      true,
      ['a.example.com', 'b.example.com'],
    ],
    ['an API with no host yet', [{ kind: 'EXTERNAL_API', host: null }], true, [UNKNOWN_HOST]],
  ])('%s', (_, destinations, subprocessor, hosts) => {
    expect(isSubprocessor(destinations)).toBe(subprocessor);
    expect(externalHostsOf(destinations)).toEqual(hosts);
  });
});

describe('minimization', () => {
  it('flags what is received but not needed, sensitive from confidential up', () => {
    const m = minimization([
      { name: 'query', classification: 'INTERNAL', needed: true },
      { name: 'locale', classification: 'PUBLIC', needed: false },
      { name: 'email', classification: 'PERSONAL', needed: false },
      { name: 'contract', classification: 'CONFIDENTIAL', needed: false },
    ]);
    expect(m.needed).toEqual(['query']);
    expect(m.received).toEqual(['query', 'locale', 'email', 'contract']);
    expect(m.excess).toEqual([
      { field: 'locale', classification: 'PUBLIC', sensitive: false },
      { field: 'email', classification: 'PERSONAL', sensitive: true },
      { field: 'contract', classification: 'CONFIDENTIAL', sensitive: true },
    ]);
  });

  it('nothing to flag when every field is needed', () => {
    expect(minimization([{ name: 'q', classification: 'RESTRICTED', needed: true }]).excess).toEqual([]);
  });
});

describe('parseHost', () => {
  it.each([
    ['api.example.com', 'api.example.com'],
    ['  API.Example.COM ', 'api.example.com'],
    ['*.example.com', '*.example.com'],
    ['api.example.com:8443', 'api.example.com:8443'],
    ['10.0.0.1', '10.0.0.1'],
    ['[2001:db8::1]:443', '[2001:db8::1]:443'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
  ])('%s is a host', (raw, host) => {
    expect(parseHost(raw)).toEqual({ ok: true, host });
  });

  it.each([
    ['', 'Name the host'],
    ['https://api.example.com', 'without https://'],
    ['api.example.com/v1', 'no path'],
    ['user@api.example.com', 'no path'],
    ['api example.com', 'no path'],
    ['localhost', 'not a valid host name'],
    ['-bad.example.com', 'not a valid host name'],
    ['bad_.example.com', 'not a valid host name'],
    ['example.123', 'not a valid host name'],
    ['999.1.1.1', 'not a valid IP address'],
    ['api.example.com:0', 'port'],
    ['api.example.com:99999', 'port'],
    ['2001:db8::1', 'brackets'],
    ['a'.repeat(64) + '.com', 'not a valid host name'],
  ])('%j is refused (%s)', (raw, message) => {
    const v = parseHost(raw);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.message).toContain(message);
  });
});

describe('deriveDataFlow', () => {
  const search = {
    name: 'search',
    inputSchema: {
      type: 'object',
      properties: { query: { type: 'string' }, customerEmail: { type: 'string' }, limit: { type: 'number' } },
      required: ['query'],
    },
  };

  it('a tool with no permissions and no manifest returns to the agent only, with one input to name', () => {
    const d = deriveDataFlow(facts());
    expect(d.inputs).toEqual([{ name: 'arguments', classification: 'INTERNAL', needed: true }]);
    expect(d.destinations).toEqual([{ kind: 'RETURN_TO_AGENT' }]);
    expect(d.retention).toContain('Not kept');
    expect(d.processing).toBe('Processes the input in its own code; runs no other code');
    expect(d.reasons.find((r) => r.subject === 'inputs')?.reason).toContain('no input schema');
  });

  it('fields come from the input schema: required ones needed, classes from names', () => {
    const d = deriveDataFlow(facts({ definitions: [search] }));
    expect(d.inputs).toEqual([
      { name: 'query', classification: 'INTERNAL', needed: true },
      { name: 'customerEmail', classification: 'PERSONAL', needed: false },
      { name: 'limit', classification: 'INTERNAL', needed: false },
    ]);
    expect(d.processing).toContain('Tools: search');
  });

  it('several tools prefix their fields with the tool name; a definition without properties adds nothing', () => {
    const d = deriveDataFlow(
      facts({
        definitions: [
          search,
          { name: 'send', inputSchema: { properties: { to: {}, body: {} }, required: ['to', 'body'] } },
          { name: 'ping', inputSchema: { type: 'object' } },
          { name: 'broken', inputSchema: 'not a schema' },
        ],
      }),
    );
    expect(d.inputs.map((i) => i.name)).toEqual(['search.query', 'search.customerEmail', 'search.limit', 'send.to', 'send.body']);
  });

  it('a huge schema is cut to the first fields and says so', () => {
    const properties = Object.fromEntries(Array.from({ length: MAX_DERIVED_INPUTS + 5 }, (_, i) => [`f${i}`, {}]));
    const d = deriveDataFlow(facts({ definitions: [{ name: 'wide', inputSchema: { properties } }] }));
    expect(d.inputs).toHaveLength(MAX_DERIVED_INPUTS);
    expect(d.reasons.find((r) => r.subject === 'inputs')?.reason).toContain(
      `first ${MAX_DERIVED_INPUTS} of ${MAX_DERIVED_INPUTS + 5}`,
    );
  });

  it.each<[string, Partial<DataFlowFacts>, DataFlowDestination[]]>([
    [
      'filesystem write: local disk',
      { declared: { ...NONE, filesystem: 'WRITE' } },
      [{ kind: 'RETURN_TO_AGENT' }, { kind: 'LOCAL_DISK' }],
    ],
    ['filesystem read: nothing written', { declared: { ...NONE, filesystem: 'READ' } }, [{ kind: 'RETURN_TO_AGENT' }]],
    [
      'external network: one API per valid allowed host, sorted, each once',
      {
        declared: { ...NONE, network: 'EXTERNAL' },
        allowedDomains: ['b.example.com', 'A.example.com', 'b.example.com', 'not a host'],
      },
      [
        { kind: 'RETURN_TO_AGENT' },
        { kind: 'EXTERNAL_API', host: 'a.example.com' },
        { kind: 'EXTERNAL_API', host: 'b.example.com' },
      ],
    ],
    [
      'external network without hosts: an API to name',
      { declared: { ...NONE, network: 'EXTERNAL' } },
      [{ kind: 'RETURN_TO_AGENT' }, { kind: 'EXTERNAL_API', host: null }],
    ],
    [
      'internal network: stays inside',
      { declared: { ...NONE, network: 'INTERNAL' }, allowedDomains: ['10.0.0.5'] },
      [{ kind: 'RETURN_TO_AGENT' }],
    ],
    [
      'read-write data access: cache',
      { declared: { ...NONE, dataAccess: 'READ_WRITE' } },
      [{ kind: 'RETURN_TO_AGENT' }, { kind: 'CACHE' }],
    ],
    [
      'AgentNode persistent data access: cache',
      { registryPermissions: { data_access: 'persistent' } },
      [{ kind: 'RETURN_TO_AGENT' }, { kind: 'CACHE' }],
    ],
    [
      'observed invocations: logs',
      { observedEvents: 3 },
      [{ kind: 'RETURN_TO_AGENT' }, { kind: 'LOGS', note: 'Call metadata (not the payload) in the invocation log' }],
    ],
    [
      'observed use above the declared: the map follows what happens',
      { declared: { ...NONE, filesystem: 'READ' }, observed: { filesystem: 'WRITE' }, observedEvents: 1 },
      [
        { kind: 'RETURN_TO_AGENT' },
        { kind: 'LOCAL_DISK' },
        { kind: 'LOGS', note: 'Call metadata (not the payload) in the invocation log' },
      ],
    ],
  ])('%s', (_, over, destinations) => {
    expect(deriveDataFlow(facts(over)).destinations).toEqual(destinations);
  });

  it('persisting destinations ask for a retention period', () => {
    expect(deriveDataFlow(facts({ declared: { ...NONE, filesystem: 'WRITE' } })).retention).toContain(
      'state the retention period',
    );
  });

  it('observed use only raises: a lower observed level changes nothing, and says why when it raises', () => {
    const reasons: { subject: string; reason: string }[] = [];
    const p = effectivePermissions(
      facts({
        declared: { ...NONE, network: 'EXTERNAL', codeExecution: 'NONE' },
        observed: { network: 'NONE', codeExecution: 'SANDBOXED' },
      }),
      reasons,
    );
    expect(p).toEqual({ ...NONE, network: 'EXTERNAL', codeExecution: 'SANDBOXED' });
    expect(reasons.map((r) => r.subject)).toEqual(['codeExecution']);
  });

  it.each<[DataFlowFacts['declared']['codeExecution'], string]>([
    ['NONE', 'runs no other code'],
    ['SANDBOXED', 'in a sandbox'],
    ['UNRESTRICTED', 'arbitrary code'],
  ])('processing with code execution %s', (codeExecution, text) => {
    expect(deriveDataFlow(facts({ declared: { ...NONE, codeExecution } })).processing).toContain(text);
  });

  it('the derived map of an external tool makes it a subprocessor with its data classes', () => {
    const d = deriveDataFlow(
      facts({ definitions: [search], declared: { ...NONE, network: 'EXTERNAL' }, allowedDomains: ['api.crm.example'] }),
    );
    expect(summarizeDataFlow(d)).toEqual({
      dataClasses: ['PERSONAL', 'INTERNAL'],
      highestClass: 'PERSONAL',
      externalHosts: ['api.crm.example'],
      subprocessor: true,
      excessInputs: 2,
    });
  });
});
