import { describe, expect, it } from 'vitest';
import { nestRows, ZSaveDataFlowInput } from './data-flow';

const form = {
  toolId: 'tool_1',
  'inputs.0.name': 'query',
  'inputs.0.classification': 'INTERNAL',
  'inputs.0.needed': 'on',
  'inputs.1.name': 'email',
  'inputs.1.classification': 'PERSONAL',
  processing: 'Searches',
  'destinations.0.kind': 'RETURN_TO_AGENT',
  'destinations.0.host': 'left.over.example',
  'destinations.1.kind': 'EXTERNAL_API',
  'destinations.1.host': ' API.Example.com ',
  retention: 'None',
};

describe('ZSaveDataFlowInput', () => {
  it('reads the form’s flat rows, normalizes the host and drops a host where none belongs', () => {
    const v = ZSaveDataFlowInput.parse(form);
    expect(v.inputs).toEqual([
      { name: 'query', classification: 'INTERNAL', needed: true },
      { name: 'email', classification: 'PERSONAL', needed: false },
    ]);
    expect(v.destinations).toEqual([{ kind: 'RETURN_TO_AGENT' }, { kind: 'EXTERNAL_API', host: 'api.example.com' }]);
  });

  it.each([
    [{ 'destinations.1.host': 'https://api.example.com/v1' }, 'destinations.1.host', 'without https://'],
    [{ 'destinations.1.host': '' }, 'destinations.1.host', 'Name the host'],
    [{ 'destinations.1.host': 'not a host' }, 'destinations.1.host', 'no path'],
    [{ 'inputs.1.name': 'Query' }, 'inputs.1.name', 'listed twice'],
    [{ 'inputs.0.classification': 'SECRET' }, 'inputs.0.classification', 'Choose a class'],
    [{ 'destinations.0.kind': 'MOON' }, 'destinations.0.kind', 'Choose where'],
    [{ processing: '  ' }, 'processing', 'Say what the tool does'],
    [{ retention: '' }, 'retention', 'how long'],
  ])('%j is refused at %s', (change, path, message) => {
    const r = ZSaveDataFlowInput.safeParse({ ...form, ...change });
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path.join('.') === path);
    expect(issue?.message).toContain(message);
  });

  it('refuses a map without inputs or destinations', () => {
    const r = ZSaveDataFlowInput.safeParse({ toolId: 't', processing: 'x', retention: 'y', inputs: [], destinations: [] });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['inputs', 'destinations']);
  });

  it('nestRows leaves arrays alone and fills gaps', () => {
    expect(nestRows({ inputs: [{ name: 'a' }] }, ['inputs'])).toEqual({ inputs: [{ name: 'a' }] });
    expect(nestRows({ 'inputs.1.name': 'b' }, ['inputs'])).toEqual({ inputs: [{}, { name: 'b' }] });
  });
});
