import { DATA_CLASS_LABELS, DESTINATION_LABELS, type DataClass, type DataFlowContent, type DataFlowDestination } from './types';

export type FlowNodeKind = 'input' | 'tool' | 'destination' | 'agent';

export interface FlowNode {
  id: string;
  kind: FlowNodeKind;
  label: string;
  /** Second line: the class of an input, the host of an API, the processing of a tool. */
  detail?: string;
  /** Data leaves the environment here (drawn in the subprocessor colour). */
  external?: boolean;
  classification?: DataClass;
  /** A field received but not needed (data minimization). */
  excess?: boolean;
}

export interface FlowEdge {
  id: string;
  source: string;
  target: string;
  label?: string;
}

export interface FlowGraph {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

function destinationNode(d: DataFlowDestination, scope: string): FlowNode {
  const external = d.kind === 'EXTERNAL_API';
  const id = external ? `host:${d.host ?? 'unknown'}` : `${scope}dest:${d.kind}`;
  return {
    id,
    kind: 'destination',
    label: DESTINATION_LABELS[d.kind],
    ...(external ? { detail: d.host ?? 'unknown host', external: true } : d.note ? { detail: d.note } : {}),
  };
}

/** One tool's map as a graph: its input fields → the tool (its processing) → each destination. */
export function toolFlowGraph(tool: { id: string; name: string }, map: DataFlowContent): FlowGraph {
  const toolId = `tool:${tool.id}`;
  const nodes: FlowNode[] = [{ id: toolId, kind: 'tool', label: tool.name, detail: map.processing }];
  const edges: FlowEdge[] = [];
  for (const input of map.inputs) {
    const id = `in:${input.name}`;
    nodes.push({
      id,
      kind: 'input',
      label: input.name,
      detail: DATA_CLASS_LABELS[input.classification] + (input.needed ? '' : ' · not needed'),
      classification: input.classification,
      ...(input.needed ? {} : { excess: true }),
    });
    edges.push({ id: `${id}->${toolId}`, source: id, target: toolId });
  }
  addDestinations(nodes, edges, toolId, map.destinations, '', map.retention);
  return { nodes, edges };
}

/** An agent's tools in one graph: the agent → each tool → its destinations (shared hosts drawn once). */
export function agentFlowGraph(
  agent: { id: string; name: string },
  tools: readonly { id: string; name: string; map: DataFlowContent | null }[],
): FlowGraph {
  const agentId = `agent:${agent.id}`;
  const nodes: FlowNode[] = [{ id: agentId, kind: 'agent', label: agent.name }];
  const edges: FlowEdge[] = [];
  for (const tool of tools) {
    const toolId = `tool:${tool.id}`;
    nodes.push({ id: toolId, kind: 'tool', label: tool.name, detail: tool.map ? tool.map.processing : 'Not mapped yet' });
    edges.push({ id: `${agentId}->${toolId}`, source: agentId, target: toolId, label: fieldsLabel(tool.map) });
    if (tool.map)
      addDestinations(
        nodes,
        edges,
        toolId,
        tool.map.destinations.filter((d) => d.kind !== 'RETURN_TO_AGENT'),
        `${tool.id}:`,
      );
  }
  return { nodes, edges };
}

function fieldsLabel(map: DataFlowContent | null): string | undefined {
  if (!map) return undefined;
  return `${map.inputs.length} field${map.inputs.length === 1 ? '' : 's'}`;
}

function addDestinations(
  nodes: FlowNode[],
  edges: FlowEdge[],
  from: string,
  destinations: readonly DataFlowDestination[],
  scope: string,
  retention?: string,
) {
  for (const d of destinations) {
    const node = destinationNode(d, scope);
    if (!nodes.some((n) => n.id === node.id)) nodes.push(node);
    const id = `${from}->${node.id}`;
    if (edges.some((e) => e.id === id)) continue;
    const persists = d.kind === 'LOCAL_DISK' || d.kind === 'CACHE';
    edges.push({ id, source: from, target: node.id, ...(persists && retention ? { label: retention } : {}) });
  }
}
