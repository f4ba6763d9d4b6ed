import dagre from '@dagrejs/dagre';
import type { FlowGraph, FlowNode } from './graph';

export interface PlacedNode extends FlowNode {
  /** Top-left corner, as @xyflow/react and SVG place boxes. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FlowLayout {
  nodes: PlacedNode[];
  edges: FlowGraph['edges'];
  width: number;
  height: number;
}

const CHAR = 7;
const MIN_WIDTH = 140;
const MAX_WIDTH = 280;

/** Box size from the text it holds (the same estimate on the server and in the browser). */
export function nodeSize(n: FlowNode): { width: number; height: number } {
  const longest = Math.max(n.label.length, Math.min(n.detail?.length ?? 0, 40));
  return { width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest * CHAR + 24)), height: n.detail ? 56 : 40 };
}

/**
 * Automatic layout, left to right (inputs → tool → destinations), by dagre: deterministic, so
 * the evidence pack's diagram of the same map is the same bytes, and synchronous, so the server
 * renders it without a worker.
 */
export function layoutFlow(graph: FlowGraph): FlowLayout {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 16, ranksep: 80, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of graph.nodes) g.setNode(n.id, nodeSize(n));
  for (const e of graph.edges) g.setEdge(e.source, e.target);
  dagre.layout(g);
  const nodes = graph.nodes.map((n) => {
    const p = g.node(n.id);
    return { ...n, x: Math.round(p.x - p.width / 2), y: Math.round(p.y - p.height / 2), width: p.width, height: p.height };
  });
  const meta = g.graph();
  return { nodes, edges: graph.edges, width: Math.ceil(meta.width ?? 0), height: Math.ceil(meta.height ?? 0) };
}
