import { describe, expect, it } from 'vitest';
import { agentFlowGraph, toolFlowGraph } from './graph';
import { layoutFlow } from './layout';
import { flowSvg } from './svg';
import type { DataFlowContent } from './types';

const map: DataFlowContent = {
  inputs: [
    { name: 'query', classification: 'INTERNAL', needed: true },
    { name: 'email', classification: 'PERSONAL', needed: false },
  ],
  processing: 'Searches the CRM',
  destinations: [{ kind: 'RETURN_TO_AGENT' }, { kind: 'EXTERNAL_API', host: 'api.crm.example' }, { kind: 'CACHE' }],
  retention: '30 days',
};

describe('toolFlowGraph', () => {
  it('inputs → tool → destinations, the external host marked, the unneeded field flagged', () => {
    const g = toolFlowGraph({ id: 't1', name: 'CRM search' }, map);
    expect(g.nodes.map((n) => [n.id, n.kind])).toEqual([
      ['tool:t1', 'tool'],
      ['in:query', 'input'],
      ['in:email', 'input'],
      ['dest:RETURN_TO_AGENT', 'destination'],
      ['host:api.crm.example', 'destination'],
      ['dest:CACHE', 'destination'],
    ]);
    expect(g.nodes.find((n) => n.id === 'host:api.crm.example')).toMatchObject({ external: true, detail: 'api.crm.example' });
    expect(g.nodes.find((n) => n.id === 'in:email')).toMatchObject({ excess: true, detail: 'Personal · not needed' });
    expect(g.edges.map((e) => `${e.source}>${e.target}`)).toEqual([
      'in:query>tool:t1',
      'in:email>tool:t1',
      'tool:t1>dest:RETURN_TO_AGENT',
      'tool:t1>host:api.crm.example',
      'tool:t1>dest:CACHE',
    ]);
    expect(g.edges.find((e) => e.target === 'dest:CACHE')?.label).toBe('30 days');
  });
});

describe('agentFlowGraph', () => {
  it('one agent, its tools, a shared host drawn once, unmapped tools said so', () => {
    const g = agentFlowGraph({ id: 'a1', name: 'support-agent' }, [
      { id: 't1', name: 'CRM search', map },
      { id: 't2', name: 'CRM write', map: { ...map, destinations: [{ kind: 'EXTERNAL_API', host: 'api.crm.example' }] } },
      { id: 't3', name: 'Unmapped', map: null },
    ]);
    expect(g.nodes.filter((n) => n.id === 'host:api.crm.example')).toHaveLength(1);
    expect(g.nodes.find((n) => n.id === 'tool:t3')?.detail).toBe('Not mapped yet');
    expect(g.edges.filter((e) => e.target === 'host:api.crm.example').map((e) => e.source)).toEqual(['tool:t1', 'tool:t2']);
    // The answer to the agent is implied by the agent → tool edge.
    expect(g.nodes.some((n) => n.label === 'Returned to the agent')).toBe(false);
    expect(g.edges.find((e) => e.source === 'agent:a1' && e.target === 'tool:t1')?.label).toBe('2 fields');
  });
});

describe('layoutFlow and flowSvg', () => {
  it('lays out left to right: inputs before the tool before its destinations, no overlap', () => {
    const l = layoutFlow(toolFlowGraph({ id: 't1', name: 'CRM search' }, map));
    const x = (id: string) => l.nodes.find((n) => n.id === id)!.x;
    expect(x('in:query')).toBeLessThan(x('tool:t1'));
    expect(x('tool:t1')).toBeLessThan(x('host:api.crm.example'));
    const inputs = l.nodes.filter((n) => n.kind === 'input');
    expect(Math.abs(inputs[0]!.y - inputs[1]!.y)).toBeGreaterThanOrEqual(inputs[0]!.height);
    expect(layoutFlow(toolFlowGraph({ id: 't1', name: 'CRM search' }, map))).toEqual(l);
  });

  it('renders an SVG with every box, escaped text and the external host in red', () => {
    const svg = flowSvg(layoutFlow(toolFlowGraph({ id: 't1', name: 'A <b> & "c"' }, map)), 'Map of A');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<rect /g)).toHaveLength(6);
    expect(svg.match(/<line /g)).toHaveLength(5);
    expect(svg).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
    expect(svg).toContain('stroke="#e11d48"');
    expect(svg).not.toContain('<b>');
  });
});
