'use client';

import '@xyflow/react/dist/style.css';
import { Background, Controls, Handle, Position, ReactFlow, type Edge, type Node, type NodeProps } from '@xyflow/react';
import type { FlowLayout, PlacedNode } from '@/lib/domain/data-flows/layout';
import { cn } from '@/components/ui/cn';

type FlowNodeData = Pick<PlacedNode, 'kind' | 'label' | 'detail' | 'external' | 'excess'>;

const KIND_CLASS: Record<PlacedNode['kind'], string> = {
  input: 'bg-indigo-50 border-indigo-300',
  tool: 'bg-slate-100 border-slate-400',
  destination: 'bg-emerald-50 border-emerald-300',
  agent: 'bg-amber-50 border-amber-300',
};

function FlowBox({ data }: NodeProps<Node<FlowNodeData>>) {
  return (
    <div
      data-testid="flow-node"
      data-kind={data.kind}
      data-external={data.external ? 'true' : undefined}
      className={cn(
        'h-full w-full rounded-md border px-2 py-1.5 text-xs',
        KIND_CLASS[data.kind],
        data.external && 'border-rose-500 bg-rose-50',
        data.excess && 'border-dashed border-amber-500',
      )}
      title={data.detail ?? data.label}
    >
      {data.kind !== 'input' && data.kind !== 'agent' && <Handle type="target" position={Position.Left} isConnectable={false} />}
      <div className="truncate font-semibold text-slate-900">{data.label}</div>
      {data.detail && <div className="truncate text-slate-600">{data.detail}</div>}
      {data.kind !== 'destination' && <Handle type="source" position={Position.Right} isConnectable={false} />}
    </div>
  );
}

const NODE_TYPES = { box: FlowBox };

/**
 * A data flow diagram, read-only for everyone: the layout is computed on the server (dagre, the
 * same one the evidence pack draws), so nothing is hand-placed and nothing here can move or edit
 * it; the map changes through its form. Pan and zoom only.
 */
export function FlowDiagram({ layout, label }: { layout: FlowLayout; label: string }) {
  const nodes: Node<FlowNodeData>[] = layout.nodes.map((n) => ({
    id: n.id,
    type: 'box',
    position: { x: n.x, y: n.y },
    data: { kind: n.kind, label: n.label, detail: n.detail, external: n.external, excess: n.excess },
    style: { width: n.width, height: n.height },
    width: n.width,
    height: n.height,
  }));
  const edges: Edge[] = layout.edges.map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    label: e.label,
    animated: false,
    style: { stroke: '#94a3b8' },
  }));
  const height = Math.min(640, Math.max(220, layout.height + 60));
  return (
    <figure aria-label={label} className="rounded-md border border-slate-200" style={{ height }} data-testid="flow-diagram">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        fitView
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        edgesFocusable={false}
        proOptions={{ hideAttribution: true }}
        minZoom={0.2}
      >
        <Background gap={16} size={1} />
        <Controls showInteractive={false} />
      </ReactFlow>
      <figcaption className="sr-only">
        {label}: {layout.nodes.map((n) => n.label + (n.detail ? ` (${n.detail})` : '')).join(', ')}
      </figcaption>
    </figure>
  );
}
